import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKind } from '../api/api-types';
import { useFormat } from '../i18n/format';

interface MessageBubbleProps {
  kind: MessageKind | 'description';
  author: string | null;
  body: string;
  createdAt: string;
  /** What staff can do with the message (e.g. translate it), under its text. */
  children?: ReactNode;
}

const BACKGROUND: Record<MessageBubbleProps['kind'], string> = { description: 'gray.0', customer: 'gray.0', reply: 'indigo.0', note: 'yellow.0' };

/** One message of a conversation; internal notes look different so nobody mistakes one for a reply. */
export function MessageBubble({ kind, author, body, createdAt, children }: MessageBubbleProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" bg={BACKGROUND[kind]} component="article" aria-label={t(`message.${kind}`)}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {author ?? t('message.unknownAuthor')}
          </Text>
          <Badge size="sm" variant="outline" c="dark.6">
            {t(`message.${kind}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dark.4">
          {format.dateTime(createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {body}
      </Text>
      {children}
    </Paper>
  );
}
