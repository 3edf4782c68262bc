import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pages of a list, every control named for screen readers (Mantine's arrows have no text of their own). */
export function PageNavigation({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation('admin');
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      aria-label={t('pagination', { ns: 'common' })}
      getControlProps={(control) => ({ 'aria-label': t(`pages.${control}`) })}
      getItemProps={(number) => ({ 'aria-label': t('pages.page', { number }) })}
    />
  );
}
