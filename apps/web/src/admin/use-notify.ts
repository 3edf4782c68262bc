import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/** Short confirmations and failures for the admin, kb and reports screens, with a named close button (axe: button-name). */
export function useNotify() {
  const { t } = useTranslation('admin');
  const show = (color: string, message: string) => notifications.show({ color, message, closeButtonProps: { 'aria-label': t('close') } });
  return {
    done: (message: string) => show('teal', message),
    failed: (error: Error) => show('red', t('errors.withMessage', { ns: 'common', message: error.message })),
  };
}
