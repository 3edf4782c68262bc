import { FileInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

interface AttachmentInputProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** A refused upload: its size (413), type (415) or content (422) error, in the gateway's words, under the field. */
  error?: unknown;
  disabled?: boolean;
}

/** Files to send with a message or a request (the gateway allows 10 at once). */
export function AttachmentInput({ files, onChange, error, disabled }: AttachmentInputProps) {
  const { t } = useTranslation();
  return (
    <FileInput
      multiple
      clearable
      label={t('attachments.pick')}
      placeholder={t('attachments.placeholder')}
      value={files}
      onChange={onChange}
      disabled={disabled}
      clearButtonProps={{ 'aria-label': t('attachments.clear') }}
      // Mantine's default error red and placeholder grey are too light on white for WCAG AA.
      styles={{ error: { color: 'var(--mantine-color-red-9)' }, input: { color: 'var(--mantine-color-dark-7)' }, placeholder: { color: 'var(--mantine-color-dark-4)' } }}
      error={error === undefined || error === null ? undefined : uploadErrorMessage(error, t)}
    />
  );
}

/** The gateway refused the files (too large, wrong type, empty): shown at the file field, not as a notification. */
export function isUploadRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && [413, 415, 422].includes(error.status);
}

function uploadErrorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  const reason = error.status === 413 ? 'tooLarge' : error.status === 415 ? 'wrongType' : error.status === 422 ? 'invalid' : undefined;
  return reason ? t(`attachments.refused.${reason}`, { message: error.message }) : t('errors.withMessage', { message: error.message });
}
