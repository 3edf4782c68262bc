import { Badge, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../api/use-api-error';
import { staffApi } from '../shared/staff-api';
import { DraftTranslation } from './draft-translation';

export interface Draft {
  body: string;
  internal: boolean;
  /** The suggested response the draft started from: the gateway records it as accepted or edited. */
  suggestionRevision?: number;
  macroId?: string;
}

interface ReplyComposerProps {
  ticketId: string;
  draft: Draft;
  onDraftChange: (draft: Draft) => void;
  /** The customer's language when it is not the agent's: a reply can be machine-translated into it. */
  customerLanguage: string | null;
}

/** A public reply or an internal note; a macro fills in its placeholders for this ticket; ctrl+enter sends. */
export function ReplyComposer({ ticketId, draft, onDraftChange, customerLanguage }: ReplyComposerProps) {
  const { t } = useTranslation('ticket');
  const queryClient = useQueryClient();
  const showError = useShowError();
  const macros = useQuery({ queryKey: ['macros'], queryFn: staffApi.macros, staleTime: 300_000 });
  const applyMacro = useMutation({
    mutationFn: (macroId: string) => staffApi.renderMacro(macroId, ticketId),
    onSuccess: (rendered, macroId) => onDraftChange({ ...draft, body: rendered.body, macroId, suggestionRevision: undefined }),
    onError: showError,
  });
  const send = useMutation({
    mutationFn: () =>
      staffApi.post(ticketId, {
        body: draft.body,
        ...(draft.internal ? { internal: true } : { suggestionRevision: draft.suggestionRevision, macroId: draft.macroId }),
      }),
    onSuccess: () => {
      onDraftChange({ body: '', internal: draft.internal });
      void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: showError,
  });
  const canSend = draft.body.trim().length > 0 && !send.isPending;
  return (
    <Stack gap="xs" component="section" aria-label={t('composer.label')}>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label={t('composer.kind')}
          value={draft.internal ? 'note' : 'reply'}
          onChange={(kind) => onDraftChange({ ...draft, internal: kind === 'note' })}
          data={[
            { value: 'reply', label: t('composer.reply') },
            { value: 'note', label: t('composer.note') },
          ]}
        />
        <Select
          size="xs"
          w={220}
          aria-label={t('composer.macro')}
          placeholder={t('composer.macro')}
          data={(macros.data ?? []).map((macro) => ({ value: macro.id, label: macro.name }))}
          value={draft.macroId ?? null}
          onChange={(macroId) => macroId && applyMacro.mutate(macroId)}
        />
      </Group>
      {draft.suggestionRevision && !draft.internal && (
        <Badge color="grape" variant="light" c="dark.7">
          {t('composer.fromSuggestion', { revision: draft.suggestionRevision })}
        </Badge>
      )}
      <Textarea
        label={draft.internal ? t('composer.noteLabel') : t('composer.replyLabel')}
        description={draft.internal ? t('composer.noteHint') : undefined}
        minRows={5}
        autosize
        maxLength={20_000}
        value={draft.body}
        onChange={(event) => onDraftChange({ ...draft, body: event.currentTarget.value })}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => canSend && send.mutate()]])}
        styles={draft.internal ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      {customerLanguage && !draft.internal && <DraftTranslation ticketId={ticketId} draft={draft.body} customerLanguage={customerLanguage} onUse={(body) => onDraftChange({ ...draft, body })} />}
      <Group justify="space-between">
        <Text size="xs" c="dark.4">
          {t('composer.shortcut')}
        </Text>
        <Button disabled={!canSend} loading={send.isPending} onClick={() => send.mutate()} color={draft.internal ? 'yellow.8' : undefined}>
          {draft.internal ? t('composer.sendNote') : t('composer.sendReply')}
        </Button>
      </Group>
    </Stack>
  );
}
