import { api, withQuery } from '../api/api-client';
import type { CustomerMessage, CustomerTicket, KbSuggestion, Page } from '../api/api-types';

export interface NewTicket {
  subject: string;
  description: string;
  customerName?: string;
  customerEmail?: string;
}

export type DeflectionEventType = 'suggestions-shown' | 'article-opened' | 'ticket-submitted';

export const portalApi = {
  suggestions: (q: string, language: string, signal?: AbortSignal) => api<KbSuggestion[]>(withQuery('/api/kb/suggestions', { q, language, limit: 3 }), { signal }),
  recordDeflection: (event: { visitId: string; type: DeflectionEventType; articleId?: string; language?: string }) =>
    api('/api/self-service/deflection-events', { method: 'POST', body: event }),
  submit: (ticket: NewTicket) => api<{ id: string; number: number; status: string }>('/api/tickets', { method: 'POST', body: { ...ticket, channel: 'web' } }),
  myTickets: (page: number) => api<Page<CustomerTicket>>(withQuery('/api/tickets', { page, pageSize: 20, sort: 'updatedAt' })),
  ticket: (id: string) => api<CustomerTicket>(`/api/tickets/${id}`),
  messages: (id: string) => api<CustomerMessage[]>(`/api/tickets/${id}/messages`),
  reply: (id: string, body: string) => api(`/api/tickets/${id}/messages`, { method: 'POST', body: { body } }),
  rate: (id: string, score: number, comment?: string) => api(`/api/tickets/${id}/rating`, { method: 'POST', body: { score, ...(comment ? { comment } : {}) } }),
};
