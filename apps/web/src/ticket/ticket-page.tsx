import { Badge, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { MessageBubble } from '../shared/message-bubble';
import { staffApi, type TicketChange } from '../shared/staff-api';
import { StatusBadge } from '../shared/status-badge';
import { MessageTranslation } from './message-translation';
import { RelatedPanel } from './related-panel';
import { ReplyComposer, type Draft } from './reply-composer';
import { SensitiveReveal } from './sensitive-reveal';
import { SlaClocks } from './sla-clocks';
import { SuggestedReply } from './suggested-reply';
import { TicketAttachments } from './ticket-attachments';
import { TicketControls } from './ticket-controls';
import { ThreadSummary } from './thread-summary';
import { TicketTimeline } from './ticket-timeline';
import { TriagePanel } from './triage-panel';
import { useTicketUpdate } from './use-ticket-update';
import { VersionConflictAlert } from './version-conflict-alert';

/** The agent's view of one ticket: conversation and composer on the left, what the machine and the team know on the right. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('ticket');
  const format = useFormat();
  const { hasRole } = useSession();
  const ticket = useQuery({ queryKey: ['ticket', id], queryFn: () => staffApi.ticket(id) });
  const messages = useQuery({ queryKey: ['ticket', id, 'messages'], queryFn: () => staffApi.messages(id) });
  const { update, conflict, reload } = useTicketUpdate(id);
  const [draft, setDraft] = useState<Draft>({ body: '', internal: false });

  if (ticket.isPending) return <Loader aria-label={t('loading')} />;
  if (ticket.isError) return <Text c="red">{t('unavailable')}</Text>;
  const current = ticket.data;
  const change = (fields: Omit<TicketChange, 'version'>) => update({ ...fields, version: current.version });
  const finished = current.status === 'resolved' || current.status === 'closed';
  // Offered when the customer may write in another language than the agent reads (unknown until triage says).
  const foreignCustomer = current.language !== (i18n.resolvedLanguage ?? 'en');
  const generating = (current.suggestedResponse?.revision ?? 0) < current.revision && !finished;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            #{current.number} {current.subject}
          </Title>
          <Text size="sm" c="dark.4">
            {t('header.from', { name: current.customerName, email: current.customerEmail, date: format.dateTime(current.createdAt) })}
          </Text>
        </div>
        <Group gap="xs">
          <StatusBadge status={current.status} />
          {current.escalated && (
            <Badge color="red.8" variant="filled">
              {t('triage.escalatedBadge')}
            </Badge>
          )}
          <Badge variant="outline" c="dark.6" color="gray">
            {t('header.version', { version: current.version })}
          </Badge>
        </Group>
      </Group>
      {conflict !== undefined && <VersionConflictAlert currentVersion={conflict} onReload={reload} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <Stack gap="xs" component="section" aria-label={t('conversation')}>
              <MessageBubble kind="description" author={current.customerName} body={current.description} createdAt={current.createdAt}>
                {foreignCustomer && <MessageTranslation ticketId={id} messageId={null} />}
              </MessageBubble>
              {messages.data?.map((message) => (
                <MessageBubble key={message.id} kind={message.kind} author={message.author?.name ?? null} body={message.body} createdAt={message.createdAt}>
                  {foreignCustomer && message.kind === 'customer' && <MessageTranslation ticketId={id} messageId={message.id} />}
                </MessageBubble>
              ))}
            </Stack>
            <SuggestedReply
              ticketId={id}
              suggestion={current.suggestedResponse}
              generating={generating}
              canRegenerate={!finished}
              onUse={(suggestion) => setDraft({ body: suggestion.body, internal: false, suggestionRevision: suggestion.revision })}
            />
            {current.status !== 'closed' && <ReplyComposer ticketId={id} draft={draft} onDraftChange={setDraft} customerLanguage={foreignCustomer ? current.language : null} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <TicketControls ticket={current} onChange={change} />
            <TriagePanel ticket={current} onChange={change} />
            <ThreadSummary ticketId={id} />
            <RelatedPanel ticket={current} />
            <TicketAttachments ticketId={id} />
            {hasRole('manager', 'admin') && <SensitiveReveal ticketId={id} />}
            <SlaClocks clocks={current.sla} />
            <TicketTimeline events={current.timeline} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
