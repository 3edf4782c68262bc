import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';
import { RequireRole } from '../auth/require-role';

function TicketPage() {
  const { t } = useTranslation('ticket');
  return <ScreenPlaceholder title={t('title')} />;
}

export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route path=":id" element={<TicketPage />} />
      </Routes>
    </RequireRole>
  );
}
