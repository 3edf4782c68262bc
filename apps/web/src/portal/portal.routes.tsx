import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';

function NewRequestPage() {
  const { t } = useTranslation('portal');
  return <ScreenPlaceholder title={t('newRequest.title')} />;
}

/** The customer portal; open to anonymous visitors (submitting a ticket) and signed-in customers. */
export function Component() {
  return (
    <Routes>
      <Route index element={<NewRequestPage />} />
    </Routes>
  );
}
