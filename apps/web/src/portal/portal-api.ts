import { api, withQuery } from '../api/api-client';
import { filesForm } from '../api/files-form';
import type { Attachment, CustomerMessage, CustomerTicket, KbSuggestion, Page } from '../api/api-types';

export interface NewTicket {
  subject: string;
  description: string;
  customerName?: string;
  customerEmail?: string;
}

function definedFields(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export type DeflectionEventType = 'suggestions-shown' | 'article-opened' | 'ticket-submitted';

export const portalApi = {
  suggestions: (q: string, language: string, signal?: AbortSignal) => api<KbSuggestion[]>(withQuery('/api/kb/suggestions', { q, language, limit: 3 }), { signal }),
  recordDeflection: (event: { visitId: string; type: DeflectionEventType; articleId?: string; language?: string }) => api('/api/self-service/deflection-events', { method: 'POST', body: event }),
  /** With files, the same fields go as multipart: the gateway stores the ticket and its files together, or neither. */
  submit: (ticket: NewTicket, files: File[] = []) =>
    api<{ id: string; number: number; status: string }>('/api/tickets', {
      method: 'POST',
      body: files.length ? filesForm(files, definedFields({ ...ticket, channel: 'web' })) : { ...ticket, channel: 'web' },
    }),
  myTickets: (page: number) => api<Page<CustomerTicket>>(withQuery('/api/tickets', { page, pageSize: 20, sort: 'updatedAt' })),
  ticket: (id: string) => api<CustomerTicket>(`/api/tickets/${id}`),
  messages: (id: string) => api<CustomerMessage[]>(`/api/tickets/${id}/messages`),
  reply: (id: string, body: string) => api<{ id: string }>(`/api/tickets/${id}/messages`, { method: 'POST', body: { body } }),
  attachments: (id: string) => api<Attachment[]>(`/api/tickets/${id}/attachments`),
  attach: (id: string, files: File[], messageId?: string) => api<Attachment[]>(`/api/tickets/${id}/attachments`, { method: 'POST', body: filesForm(files, messageId ? { messageId } : {}) }),
  rate: (id: string, score: number, comment?: string) => api(`/api/tickets/${id}/rating`, { method: 'POST', body: { score, ...(comment ? { comment } : {}) } }),
};
