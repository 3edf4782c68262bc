import { ApiError, api, type ApiErrorBody } from '../api/api-client';
import type { OutputSource } from '../api/api-types';

export type ConversationStatus = 'open' | 'solved' | 'ticket_opened' | 'handed_over';

export interface Conversation {
  id: string;
  status: ConversationStatus;
  ticketId: string | null;
  language: string;
}

/** What an answer quotes: knowledge-base articles, and solved requests by their generalized subject (never another customer's ticket). */
export type Citation = { kind: 'article'; articleId: string; title: string; path: string; score: number } | { kind: 'solution'; title: string; score: number };

export interface AssistantMessage {
  id: number;
  role: 'customer' | 'assistant';
  body: string;
  confidence: number | null;
  source: OutputSource | null;
  citations: Citation[];
  machineWritten: boolean;
  createdAt: string;
}

/** One turn: the stored question, the assistant's stored answer, and where the conversation stands now. */
export interface Turn {
  conversation: Conversation;
  question: AssistantMessage;
  answer: AssistantMessage;
}

export interface Contact {
  name: string;
  email: string;
}

/** Who may read the conversation again: a signed-in customer by the session, an anonymous one by the token. */
export interface ConversationKey {
  id: string;
  token?: string;
}

const TOKEN_HEADER = 'x-conversation-token';
const REQUESTED_WITH = 'smartdesk-web';

export const assistantApi = {
  start: (language: string) => api<Conversation & { token?: string }>('/api/assistant/conversations', { method: 'POST', body: { language } }),

  read: async ({ id, token }: ConversationKey) => {
    const response = await fetch(`/api/assistant/conversations/${encodeURIComponent(id)}`, { credentials: 'same-origin', headers: headersFor(token, 'application/json') });
    return (await jsonOrThrow(response)) as Conversation & { messages: AssistantMessage[] };
  },

  /**
   * Sends a message and reads the reply as it streams (`delta` chunks, then `done` with the whole turn).
   * fetch, not EventSource: EventSource can only GET, and this is a POST with a body and a token header.
   */
  send: async ({ id, token }: ConversationKey, message: { text: string; contact?: Contact }, onDelta: (text: string) => void): Promise<Turn> => {
    const response = await fetch(`/api/assistant/conversations/${encodeURIComponent(id)}/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headersFor(token, 'text/event-stream'), 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    if (!response.ok || !response.body) return (await jsonOrThrow(response)) as Turn;
    for await (const event of serverSentEvents(response.body)) {
      const data: unknown = JSON.parse(event.data);
      if (event.name === 'delta') onDelta((data as { text: string }).text);
      else if (event.name === 'done') return data as Turn;
      else if (event.name === 'error') throw new ApiError(500, (data as { message?: string }).message ?? 'error', undefined);
    }
    throw new ApiError(502, 'The reply ended before it was complete', undefined);
  },
};

function headersFor(token: string | undefined, accept: string): Record<string, string> {
  return { accept, 'x-requested-with': REQUESTED_WITH, ...(token ? { [TOKEN_HEADER]: token } : {}) };
}

async function jsonOrThrow(response: Response): Promise<unknown> {
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (response.ok) return body;
  const errorBody = body as ApiErrorBody | undefined;
  const message = errorBody?.message;
  throw new ApiError(response.status, Array.isArray(message) ? message.join('; ') : (message ?? response.statusText), errorBody);
}

/**
 * The `event:`/`data:` blocks of a text/event-stream body, as they arrive. A few lines of our own: the
 * browser's EventSource cannot POST and no SSE parser is among the web app's dependencies.
 */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ name: string; data: string }> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) yield event;
    }
  }
}

function parseBlock(block: string): { name: string; data: string } | undefined {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { name, data: data.join('\n') } : undefined;
}
