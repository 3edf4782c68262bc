import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { ArticleModal } from '../shared/article-modal';
import type { Contact } from './assistant-api';
import { AssistantMessageView } from './assistant-message';
import { ContactForm } from './contact-form';
import { useAssistantConversation } from './use-assistant-conversation';

/** The quick actions send a phrase the assistant's intent rules know, in the customer's language. */
type Action = 'solved' | 'openTicket' | 'human' | 'status';
const NEEDS_CONTACT: Action[] = ['openTicket', 'human'];

/**
 * The self-service chat: the customer asks, the assistant's reply streams in, marked machine-written with
 * its confidence and cited articles; buttons close it as solved, open a ticket or hand over to a person.
 * `linkTickets` is off inside another site's iframe, where the portal's pages are not at hand.
 */
export function AssistantPanel({ linkTickets = true }: { linkTickets?: boolean }) {
  const { t } = useTranslation('assistant');
  const { account } = useSession();
  const { conversation, messages, streaming, error, send } = useAssistantConversation();
  const [text, setText] = useState('');
  const [contact, setContact] = useState<Contact>();
  const [askingContactFor, setAskingContactFor] = useState<Action>();
  const [openArticle, setOpenArticle] = useState<string>();
  const end = useRef<HTMLDivElement>(null);
  const busy = streaming !== undefined;

  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, streaming]);

  const act = (action: Action, given = contact) => {
    if (!account && !given && NEEDS_CONTACT.includes(action)) return setAskingContactFor(action);
    setAskingContactFor(undefined);
    void send(t(`phrase.${action}`), account ? undefined : given);
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const question = text.trim();
    if (!question || busy) return;
    setText('');
    void send(question, account ? undefined : contact);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const finished = conversation?.status === 'solved';
  return (
    <Stack gap="sm" h="100%">
      <Stack gap="xs" role="log" aria-label={t('panel.conversation')} aria-live="polite" style={{ flex: 1, overflowY: 'auto' }} tabIndex={0}>
        {messages.length === 0 && !busy && (
          <Text size="sm" c="dark.4">
            {t('panel.welcome')}
          </Text>
        )}
        {messages.map((message) => (
          <AssistantMessageView key={message.id} message={message} onOpenArticle={setOpenArticle} />
        ))}
        {busy && (
          <AssistantMessageView
            message={{ role: 'assistant', body: streaming || t('panel.thinking'), confidence: null, source: null, citations: [], machineWritten: true }}
            onOpenArticle={setOpenArticle}
          />
        )}
        <div ref={end} />
      </Stack>
      {error && (
        <Alert color="red" role="alert">
          {t('panel.error', { reason: error })}
        </Alert>
      )}
      {conversation?.ticketId && (
        <Alert color="blue" role="status" title={t(`ticket.${conversation.status === 'handed_over' ? 'handedOver' : 'opened'}`)}>
          {linkTickets && account ? (
            <Anchor component={Link} to={`/portal/tickets/${conversation.ticketId}`}>
              {t('ticket.follow')}
            </Anchor>
          ) : (
            t('ticket.byEmail')
          )}
        </Alert>
      )}
      {finished && (
        <Alert color="green" role="status">
          {t('panel.solved')}
        </Alert>
      )}
      {askingContactFor && (
        <ContactForm
          busy={busy}
          onCancel={() => setAskingContactFor(undefined)}
          onSubmit={(given) => {
            setContact(given);
            act(askingContactFor, given);
          }}
        />
      )}
      <Group gap="xs" role="group" aria-label={t('actions.label')}>
        <Button size="compact-sm" variant="default" disabled={busy || messages.length === 0 || finished} onClick={() => act('solved')}>
          {t('actions.solved')}
        </Button>
        <Button size="compact-sm" variant="default" disabled={busy || !!conversation?.ticketId} onClick={() => act('openTicket')}>
          {t('actions.openTicket')}
        </Button>
        <Button size="compact-sm" variant="default" disabled={busy || conversation?.status === 'handed_over'} onClick={() => act('human')}>
          {t('actions.human')}
        </Button>
        <Button size="compact-sm" variant="default" disabled={busy} onClick={() => act('status')}>
          {t('actions.status')}
        </Button>
      </Group>
      <Stack component="form" gap="xs" onSubmit={submit} aria-label={t('panel.formLabel')}>
        <Textarea
          label={t('panel.question')}
          description={t('panel.hint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          maxLength={2000}
          autosize
          minRows={2}
          maxRows={5}
        />
        <Button type="submit" loading={busy} disabled={!text.trim()} w="fit-content">
          {t('panel.send')}
        </Button>
      </Stack>
      <ArticleModal articleId={openArticle} onClose={() => setOpenArticle(undefined)} />
    </Stack>
  );
}
