import type { MessageKind, SuggestionUse } from '@smartdesk/database';
import { maskSensitive } from '@smartdesk/privacy';

/** A message as read from the database, with its author's name and its suggestion's revision. */
export interface MessageRow {
  id: string;
  kind: MessageKind;
  body: string;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
  suggestion_use: SuggestionUse | null;
  suggestion_revision: number | null;
  macro_id: string | null;
}

export const MESSAGE_SELECT = `
  SELECT m.id, m.kind, m.body, m.created_at, m.author_id, u.name AS author_name,
         m.suggestion_use, r.revision AS suggestion_revision, m.macro_id
    FROM ticket_messages m
    LEFT JOIN users u ON u.id = m.author_id
    LEFT JOIN ticket_responses r ON r.id = m.response_id`;

/** Message bodies are masked like the ticket's text (card numbers, CVVs, passwords, keys); managers and admins can reveal them. */
export function staffMessageView(row: MessageRow) {
  return {
    id: row.id,
    kind: row.kind,
    body: maskSensitive(row.body),
    createdAt: row.created_at,
    author: row.author_id ? { id: row.author_id, name: row.author_name } : null,
    suggestion: row.suggestion_use ? { revision: row.suggestion_revision, use: row.suggestion_use } : null,
    macroId: row.macro_id,
  };
}

/** What a customer sees of a public message: who wrote it and what, not how it was drafted. */
export function customerMessageView(row: MessageRow) {
  return { id: row.id, kind: row.kind, body: maskSensitive(row.body), createdAt: row.created_at, authorName: row.author_name };
}
