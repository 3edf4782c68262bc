import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client';

/** Shows a failed request as a notification carrying the gateway's own words (they name the field or the rule). */
export function useShowError(): (error: unknown) => void {
  const { t } = useTranslation();
  return (error) =>
    notifications.show({
      color: 'red',
      message: error instanceof ApiError && error.status < 500 ? t('errors.withMessage', { message: error.message }) : t('errors.generic'),
    });
}
