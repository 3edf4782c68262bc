import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assistantApi, type AssistantMessage, type Contact, type Conversation, type ConversationKey } from './assistant-api';

/** The tab's conversation: an anonymous customer's token opens it again, so it lives as long as the tab (sessionStorage). */
const STORAGE_KEY = 'smartdesk.assistant.conversation';

function storedKey(): ConversationKey | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as ConversationKey | null;
    return stored?.id ? stored : undefined;
  } catch {
    return undefined;
  }
}

export interface AssistantConversation {
  conversation: Conversation | undefined;
  messages: AssistantMessage[];
  /** The reply so far while it streams; undefined when no reply is on its way. */
  streaming: string | undefined;
  error: string | undefined;
  send: (text: string, contact?: Contact) => Promise<void>;
}

/** Starts the conversation on the first message, streams each reply in, and keeps the turns for the tab. */
export function useAssistantConversation(): AssistantConversation {
  const { i18n, t } = useTranslation('assistant');
  const queryClient = useQueryClient();
  const [key, setKey] = useState(storedKey);
  const [streaming, setStreaming] = useState<string>();
  const [error, setError] = useState<string>();
  const queryKey = ['assistant', key?.id];
  const stored = useQuery({
    queryKey,
    queryFn: () => assistantApi.read(key!),
    enabled: !!key,
    staleTime: Infinity,
    retry: false,
  });
  // A conversation this tab can no longer open (another account signed in, or it is gone): start afresh.
  useEffect(() => {
    if (!stored.isError) return;
    sessionStorage.removeItem(STORAGE_KEY);
    setKey(undefined);
  }, [stored.isError]);

  const send = useCallback(
    async (text: string, contact?: Contact) => {
      setError(undefined);
      setStreaming('');
      try {
        let current = key;
        if (!current) {
          const started = await assistantApi.start(i18n.resolvedLanguage ?? 'en');
          current = { id: started.id, ...(started.token ? { token: started.token } : {}) };
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(current));
          queryClient.setQueryData(['assistant', current.id], { ...started, messages: [] });
          setKey(current);
        }
        const turn = await assistantApi.send(current, { text, ...(contact ? { contact } : {}) }, (chunk) => setStreaming((sofar) => (sofar ?? '') + chunk));
        queryClient.setQueryData<Conversation & { messages: AssistantMessage[] }>(['assistant', current.id], (previous) => ({
          ...turn.conversation,
          messages: [...(previous?.messages ?? []), turn.question, turn.answer],
        }));
        if (turn.conversation.ticketId) void queryClient.invalidateQueries({ queryKey: ['tickets', 'mine'] });
      } catch (failure) {
        setError((failure as Error).message || t('error'));
      } finally {
        setStreaming(undefined);
      }
    },
    [key, i18n.resolvedLanguage, queryClient, t],
  );

  return { conversation: stored.data, messages: stored.data?.messages ?? [], streaming, error, send };
}
