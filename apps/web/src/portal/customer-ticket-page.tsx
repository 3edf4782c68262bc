import { Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useShowError } from '../api/use-api-error';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { MessageBubble } from '../shared/message-bubble';
import { StatusBadge } from '../shared/status-badge';
import { portalApi } from './portal-api';
import { TicketRating } from './ticket-rating';

/** A customer's own ticket: status, the public conversation (never internal notes), a reply box, the rating. */
export function CustomerTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const { account } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [reply, setReply] = useState('');
  const ticket = useQuery({ queryKey: ['ticket', id], queryFn: () => portalApi.ticket(id) });
  const messages = useQuery({ queryKey: ['ticket', id, 'messages'], queryFn: () => portalApi.messages(id) });
  const send = useMutation({
    mutationFn: () => portalApi.reply(id, reply),
    onSuccess: () => {
      setReply('');
      void queryClient.invalidateQueries({ queryKey: ['ticket', id] });
    },
    onError: showError,
  });

  if (ticket.isPending) return <Loader aria-label={t('ticket.loading')} />;
  if (ticket.isError) return <Text c="red">{t('ticket.unavailable')}</Text>;
  const current = ticket.data;
  const finished = current.status === 'resolved' || current.status === 'closed';
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={1} size="h2">#{current.number} {current.subject}</Title>
        <StatusBadge status={current.status} />
      </Group>
      <Text size="sm" c="dark.4">{t('ticket.opened', { date: format.dateTime(current.createdAt) })}</Text>
      <Stack gap="sm" component="section" aria-label={t('ticket.conversation')}>
        <MessageBubble kind="description" author={account?.name ?? null} body={current.description} createdAt={current.createdAt} />
        {messages.data?.map((message) => (
          <MessageBubble key={message.id} kind={message.kind} author={message.authorName} body={message.body} createdAt={message.createdAt} />
        ))}
      </Stack>
      {current.resolution && (
        <Card withBorder>
          <Text fw={600}>{t('ticket.resolution')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{current.resolution}</Text>
        </Card>
      )}
      {finished && <TicketRating ticketId={id} />}
      {current.status !== 'closed' && (
        <Stack gap="xs">
          <Textarea label={t('ticket.reply')} minRows={3} autosize maxLength={20_000} value={reply} onChange={(event) => setReply(event.currentTarget.value)} />
          <Button w="fit-content" disabled={!reply.trim()} loading={send.isPending} onClick={() => send.mutate()}>{t('ticket.send')}</Button>
        </Stack>
      )}
    </Stack>
  );
}
