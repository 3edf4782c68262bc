import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../api/api-types';
import { useFormat } from '../i18n/format';

/** A ticket's files, each a download link (the gateway always sends them as downloads, never to be rendered). */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attachments.length === 0)
    return (
      <Text size="sm" c="dark.4">
        {t('attachments.none')}
      </Text>
    );
  return (
    <List size="sm" spacing={4} aria-label={t('attachments.title')}>
      {attachments.map((attachment) => (
        <List.Item key={attachment.id}>
          <Anchor href={attachment.links.download} download={attachment.filename}>
            {attachment.filename}
          </Anchor>{' '}
          <Text span size="xs" c="dark.4">
            {t('attachments.size', { size: format.number(Math.ceil(attachment.size / 1024)) })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
