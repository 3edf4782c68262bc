import { queryOptions } from '@tanstack/react-query';
import { api, withQuery, type Query } from '../api/api-client';
import { filesForm } from '../api/files-form';
import type { Attachment, CursorPage, Macro, Page, RenderedMacro, RevealedTicket, StaffAccount, StaffMessage, StaffTicket, StaffTicketDetail, SuggestedResponse, Team } from '../api/api-types';

/** Ticket changes staff make (PATCH /api/tickets/:id), always with the version they read. */
export interface TicketChange {
  version: number;
  status?: string;
  resolution?: string;
  priority?: string;
  category?: string;
  sentiment?: string;
  teamId?: string | null;
  assigneeId?: string | null;
}

export const staffApi = {
  tickets: (query: Query) => api<CursorPage<StaffTicket>>(withQuery('/api/tickets', query)),
  ticket: (id: string) => api<StaffTicketDetail>(`/api/tickets/${id}`),
  messages: (id: string) => api<StaffMessage[]>(`/api/tickets/${id}/messages`),
  teams: () => api<Team[]>('/api/teams'),
  staff: () => api<Page<StaffAccount>>(withQuery('/api/users', { pageSize: 100 })),
  update: (id: string, change: TicketChange) => api<StaffTicket>(`/api/tickets/${id}`, { method: 'PATCH', body: change }),
  post: (id: string, message: { body: string; internal?: boolean; suggestionRevision?: number; macroId?: string }) => api(`/api/tickets/${id}/messages`, { method: 'POST', body: message }),
  feedback: (id: string, revision: number, outcome: 'accepted' | 'edited' | 'rejected', reason?: string) =>
    api(`/api/tickets/${id}/responses/${revision}/feedback`, { method: 'POST', body: { outcome, ...(reason ? { reason } : {}) } }),
  regenerate: (id: string) => api<{ revision: number; location: string }>(`/api/tickets/${id}/response`, { method: 'POST' }),
  response: (id: string, revision: number) => api<{ status: 'pending' | 'ready'; response?: SuggestedResponse }>(`/api/tickets/${id}/responses/${revision}`),
  attachments: (id: string) => api<Attachment[]>(`/api/tickets/${id}/attachments`),
  attach: (id: string, files: File[]) => api<Attachment[]>(`/api/tickets/${id}/attachments`, { method: 'POST', body: filesForm(files) }),
  merge: (id: string, targetId: string, version: number) => api(`/api/tickets/${id}/merge`, { method: 'POST', body: { targetId, version } }),
  unmerge: (id: string, version: number) => api(`/api/tickets/${id}/unmerge`, { method: 'POST', body: { version } }),
  link: (id: string, relatedId: string) => api(`/api/tickets/${id}/links`, { method: 'POST', body: { relatedId } }),
  unlink: (id: string, relatedId: string) => api(`/api/tickets/${id}/links/${relatedId}`, { method: 'DELETE' }),
  reveal: (id: string) => api<RevealedTicket>(`/api/tickets/${id}/sensitive`),
  macros: () => api<Macro[]>('/api/macros'),
  renderMacro: (macroId: string, ticketId: string) => api<RenderedMacro>(withQuery(`/api/macros/${macroId}/render`, { ticketId })),
};

/** Teams and staff change rarely: the screens that name them share one cached copy for five minutes. */
export const teamsQuery = queryOptions({ queryKey: ['teams'], queryFn: staffApi.teams, staleTime: 300_000 });
export const staffQuery = queryOptions({ queryKey: ['staff'], queryFn: staffApi.staff, staleTime: 300_000 });
