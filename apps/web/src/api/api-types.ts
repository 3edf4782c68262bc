/**
 * Response shapes of the gateway's API (see /docs), written down for the web app: the gateway's entities
 * and views as JSON (dates are ISO strings). Kept by hand from the DTOs; the web app imports no server code.
 */

export type Role = 'customer' | 'agent' | 'manager' | 'admin';
export type TicketStatus = 'new' | 'triaged' | 'open' | 'pending' | 'resolved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type OutputSource = 'model' | 'rules' | 'llm';

export const TICKET_STATUSES: TicketStatus[] = ['new', 'triaged', 'open', 'pending', 'resolved', 'closed'];
export const SETTABLE_STATUSES: TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
export const SENTIMENTS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** GET /api/auth/me */
export interface Account {
  userId: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  department: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The ticket list's page: nextCursor (null on the last page) is the `after` of the next one. */
export interface CursorPage<T> extends Page<T> {
  nextCursor: string | null;
}

/** What a customer sees of a ticket. */
export interface CustomerTicket {
  id: string;
  number: number;
  subject: string;
  description: string;
  channel: string;
  status: TicketStatus;
  resolution: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A ticket as staff list it. */
export interface StaffTicket extends CustomerTicket {
  customerName: string;
  customerEmail: string;
  customerId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  version: number;
  category: string | null;
  categoryConfidence: number | null;
  categoryConfirmedBy: string | null;
  priority: Priority | null;
  sentimentLabel: SentimentLabel | null;
  sentimentScore: number | null;
  sentimentConfirmedBy: string | null;
  language: string | null;
  escalated: boolean | null;
  escalationLevel: number | null;
  revision: number;
  triagedAt: string | null;
  firstResponseAt: string | null;
  rating: number | null;
  metadata: Record<string, unknown>;
}

/** One stage's latest result: its own fields plus how sure it is and what produced it. */
export interface StageResult {
  confidence?: number;
  source?: OutputSource;
  explanation?: string;
  revision: number;
  durationMs: number | null;
  updatedAt: string;
  [field: string]: unknown;
}

export interface ResponseSource {
  /** kb article or solved ticket */
  kind?: 'kb' | 'ticket' | string;
  id: string;
  title?: string;
  score?: number;
  [field: string]: unknown;
}

export interface SuggestedResponse {
  id: string;
  ticketId: string;
  revision: number;
  body: string;
  language: string;
  confidence: number;
  source: OutputSource;
  needsHuman: boolean;
  sources: ResponseSource[];
  createdAt: string;
}

export interface SlaClock {
  metric: string;
  policy: string;
  targetMs: number;
  state: 'running' | 'paused' | 'stopped';
  dueAt: string | null;
  atRiskAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

export interface TimelineEvent {
  id: string;
  stage: string;
  type: string;
  summary: string;
  confidence: number | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** GET /api/tickets/:id for staff. */
export interface StaffTicketDetail extends StaffTicket {
  results: { categorization: StageResult | null; sentiment: StageResult | null; escalation: StageResult | null };
  suggestedResponse: SuggestedResponse | null;
  sla: SlaClock[];
  rating: number | null;
  timeline: TimelineEvent[];
  relations: TicketRelations;
}

/** A ticket as its relations show it. */
export interface TicketRef {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
}

/** A likely duplicate: found by rules (same customer, similar words, close in time), never merged on its own. */
export interface DuplicateSuggestion {
  ticket: TicketRef;
  confidence: number;
  source: OutputSource;
  reason: string;
}

export interface TicketRelations {
  mergedInto: TicketRef | null;
  mergedFrom: TicketRef[];
  links: TicketRef[];
  duplicateSuggestions: DuplicateSuggestion[];
}

/** GET /api/tickets/:id/attachments (customers: none of internal notes). */
export interface Attachment {
  id: string;
  ticketId: string;
  messageId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  links: { download: string };
}

/** GET /api/tickets/:id/sensitive: the text as written; each reveal is audited. */
export interface RevealedTicket {
  ticketId: string;
  subject: string;
  description: string;
  resolution: string | null;
  messages: { id: string; body: string }[];
  /** The fields (messages as `messages/<id>`) that held masked data. */
  revealed: string[];
}

export type MessageKind = 'customer' | 'reply' | 'note';

export interface StaffMessage {
  id: string;
  kind: MessageKind;
  body: string;
  createdAt: string;
  author: { id: string; name: string | null } | null;
  suggestion: { revision: number; use: string } | null;
  macroId: string | null;
}

export interface CustomerMessage {
  id: string;
  kind: MessageKind;
  body: string;
  createdAt: string;
  authorName: string | null;
}

export interface Macro {
  id: string;
  name: string;
  body: string;
}

export interface RenderedMacro {
  id?: string;
  name?: string;
  body: string;
}

export interface Team {
  id: string;
  name: string;
  department: string | null;
}

export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
}

/** GET /api/categories: one category of the taxonomy, named in the language asked for where the taxonomy has that name. */
export interface Category {
  id: string;
  name: string;
  language: string;
  description: string;
  severity: string | null;
  /** The catch-all 'other'. */
  outOfScope: boolean;
}

/** POST /api/tickets/:id/translations and /summary: text the gateway's LLM wrote for staff, always machine-written, with its model. */
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

/** GET /api/kb/suggestions */
export interface KbSuggestion {
  id: string;
  title: string;
  excerpt: string;
  language: string;
}

/** GET /api/kb/articles/:id/public */
export interface PublicArticle {
  id: string;
  title: string;
  body: string;
  language: string;
  updatedAt: string;
}

/** One change pushed on GET /api/events. */
export interface LiveEvent {
  ticketId?: string;
  status?: TicketStatus;
  version?: number;
  [field: string]: unknown;
}
