import { api } from '../api/api-client';
import type { MachineText, Translation } from '../api/api-types';

/** POST /api/tickets/:id/translations and /summary: 409 with reason llm-not-configured when the gateway has no LLM. */
export const assistApi = {
  translate: (ticketId: string, request: { targetLanguage: string; messageIds?: string[]; text?: string }) =>
    api<{ ticketId: string; translations: Translation[] }>(`/api/tickets/${ticketId}/translations`, { method: 'POST', body: request }),
  summarize: (ticketId: string, language: string) => api<MachineText & { messageCount: number }>(`/api/tickets/${ticketId}/summary`, { method: 'POST', body: { language } }),
};
