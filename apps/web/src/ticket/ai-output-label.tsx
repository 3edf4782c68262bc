import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputSource } from '../api/api-types';
import { useFormat } from '../i18n/format';

/** How sure a stage was and what produced its answer: shown beside every AI output. */
export function AiOutputLabel({ confidence, source }: { confidence?: number; source?: OutputSource }) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  return (
    <Group gap={4}>
      {confidence !== undefined && <Badge variant="outline" c="dark.6" color="gray">{t('ai.confidence', { value: format.percent(confidence) })}</Badge>}
      {source && <Badge variant="outline" c="dark.6" color="gray">{t('ai.source', { source: t(`common:source.${source}`) })}</Badge>}
    </Group>
  );
}
