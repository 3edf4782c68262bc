import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

/**
 * What a refused request said, for the admin, kb and reports screens: every problem of a 400/422 as a list
 * (the gateway names each field or content rule), otherwise its one message.
 */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = error instanceof ApiError && Array.isArray(error.body?.message) ? error.body.message.map(String) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" role="alert" title={title}>
      {problems ? (
        <List size="sm">
          {problems.map((problem) => (
            <List.Item key={problem}>{problem}</List.Item>
          ))}
        </List>
      ) : (
        t('errors.withMessage', { message })
      )}
    </Alert>
  );
}
