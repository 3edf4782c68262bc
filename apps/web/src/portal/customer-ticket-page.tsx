import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { AttachmentList } from '../shared/attachment-list';
import { MessageBubble } from '../shared/message-bubble';
import { StatusBadge } from '../shared/status-badge';
import { CustomerReplyForm } from './customer-reply-form';
import { portalApi } from './portal-api';
import { TicketRating } from './ticket-rating';

/** A customer's own ticket: status, the public conversation and files (never internal notes'), a reply box, the rating. */
export function CustomerTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const { account } = useSession();
  const format = useFormat();
  const ticket = useQuery({ queryKey: ['ticket', id], queryFn: () => portalApi.ticket(id) });
  const messages = useQuery({ queryKey: ['ticket', id, 'messages'], queryFn: () => portalApi.messages(id) });
  const attachments = useQuery({ queryKey: ['ticket', id, 'attachments'], queryFn: () => portalApi.attachments(id) });

  if (ticket.isPending) return <Loader aria-label={t('ticket.loading')} />;
  if (ticket.isError) return <Text c="red">{t('ticket.unavailable')}</Text>;
  const current = ticket.data;
  const finished = current.status === 'resolved' || current.status === 'closed';
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          #{current.number} {current.subject}
        </Title>
        <StatusBadge status={current.status} />
      </Group>
      <Text size="sm" c="dark.4">
        {t('ticket.opened', { date: format.dateTime(current.createdAt) })}
      </Text>
      <Stack gap="sm" component="section" aria-label={t('ticket.conversation')}>
        <MessageBubble kind="description" author={account?.name ?? null} body={current.description} createdAt={current.createdAt} />
        {messages.data?.map((message) => (
          <MessageBubble key={message.id} kind={message.kind} author={message.authorName} body={message.body} createdAt={message.createdAt} />
        ))}
      </Stack>
      <Stack gap={4} component="section" aria-labelledby="attachments-title">
        <Title order={2} size="h4" id="attachments-title">
          {t('common:attachments.title')}
        </Title>
        <AttachmentList attachments={attachments.data ?? []} />
      </Stack>
      {current.resolution && (
        <Card withBorder>
          <Text fw={600}>{t('ticket.resolution')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{current.resolution}</Text>
        </Card>
      )}
      {finished && <TicketRating ticketId={id} />}
      {current.status !== 'closed' && <CustomerReplyForm ticketId={id} />}
    </Stack>
  );
}
