import { api } from '../api/api-client';

/** Text the gateway's LLM wrote for staff (translation or summary): always machine-written, with its model. */
export interface MachineText {
  text: string;
  machineWritten: true;
  source: 'llm';
  model: string;
  /** A chat model gives no calibrated confidence for a translation or summary. */
  confidence: null;
  language: string;
  cached: boolean;
  createdAt: string;
}

export interface Translation extends MachineText {
  of: 'opening' | 'message' | 'draft';
  messageId: string | null;
}

/** POST /api/tickets/:id/translations and /summary: 409 with reason llm-not-configured when the gateway has no LLM. */
export const assistApi = {
  translate: (ticketId: string, request: { targetLanguage: string; messageIds?: string[]; text?: string }) =>
    api<{ ticketId: string; translations: Translation[] }>(`/api/tickets/${ticketId}/translations`, { method: 'POST', body: request }),
  summarize: (ticketId: string, language: string) =>
    api<MachineText & { messageCount: number }>(`/api/tickets/${ticketId}/summary`, { method: 'POST', body: { language } }),
};
