import { randomUUID } from 'node:crypto';
import { Priority, SLA_METRICS } from '@smartdesk/contracts';
import type { TicketStatus } from '@smartdesk/database';
import { seededRandom } from '@smartdesk/nlp';
import { ClockState, SlaClockRules } from '@smartdesk/operations';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Weights<T extends string> = Record<T, number>;

const PRIORITY_WEIGHTS: Weights<Priority> = { low: 20, normal: 50, high: 22, urgent: 8 };
const CHANNEL_WEIGHTS = { web: 50, email: 30, chat: 12, phone: 5, api: 3 };
const LANGUAGE_WEIGHTS = { en: 68, es: 16, fr: 6, de: 5, pt: 5 };
const SENTIMENT_WEIGHTS = { negative: 35, neutral: 50, positive: 15 };
const SCORE_WEIGHTS = { '5': 45, '4': 25, '3': 12, '2': 8, '1': 10 };
/** Median hours to first response and to resolution, by priority (log-normal around these). */
const MEDIAN_HOURS: Record<Priority, { response: number; resolution: number }> = {
  urgent: { response: 0.4, resolution: 3 },
  high: { response: 0.9, resolution: 7 },
  normal: { response: 3, resolution: 20 },
  low: { response: 6, resolution: 40 },
};
const FIRST_NAMES = ['Ana', 'Ben', 'Carla', 'Deniz', 'Elif', 'Farid', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Kenji', 'Lucía', 'Marta', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tomás'];
const LAST_NAMES = ['García', 'Smith', 'Müller', 'Rossi', 'Dubois', 'Silva', 'Kowalski', 'Yilmaz', 'Tanaka', 'Jensen', 'Martín', 'Novak'];

export interface VolumeContext {
  now: Date;
  days: number;
  /** Example phrases per category (the taxonomy's), used as ticket subjects. */
  examples: Record<string, string[]>;
  /** Category → team, from the routing rules. */
  routing: Map<string, string>;
  /** Team → its agents (ids and capacity) and an email to record who resolved. */
  agents: Map<string, { id: string; email: string; capacity: number }[]>;
  rules: SlaClockRules;
}

export interface VolumeTicket {
  id: string;
  customerName: string;
  customerEmail: string;
  subject: string;
  description: string;
  channel: string;
  status: TicketStatus;
  category: string;
  categoryConfidence: number;
  priority: Priority;
  sentimentLabel: string;
  sentimentScore: number;
  language: string;
  escalated: boolean;
  escalationLevel: number;
  teamId: string | null;
  assigneeId: string | null;
  createdAt: Date;
  triagedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  closedAt: Date | null;
  resolution: string | null;
  clocks: (ClockState & { ticketId: string })[];
  /** A suggested response was written; `used` says whether (and how) the first reply started from it. */
  suggestion: { confidence: number; used: 'accepted' | 'edited' | null } | null;
  rating: number | null;
}

/**
 * Realistic ticket history: categories from the taxonomy, skewed priorities, channels and languages,
 * log-normal response and resolution times, most old tickets finished, SLA clocks worked out by the same
 * rules the product runs, suggestions used or not, and ratings on a share of resolved tickets.
 */
export class VolumeGenerator {
  private readonly random: () => number;
  private readonly categories: string[];
  /** Unfinished tickets already given to each agent: history respects capacity, so live routing still works. */
  private readonly load = new Map<string, number>();

  constructor(
    private readonly context: VolumeContext,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.categories = Object.keys(context.examples);
  }

  next(): VolumeTicket {
    const { now, days, rules } = this.context;
    const id = randomUUID();
    const category = this.pick(this.categories);
    const priority = this.weighted(PRIORITY_WEIGHTS);
    const createdAt = new Date(now.getTime() - this.random() * days * DAY);
    const age = now.getTime() - createdAt.getTime();
    const median = MEDIAN_HOURS[priority];
    const responseAfter = this.logNormal(median.response * HOUR);
    const resolutionAfter = Math.max(responseAfter + 5 * 60_000, this.logNormal(median.resolution * HOUR));
    const firstResponseAt = responseAfter < age ? new Date(createdAt.getTime() + responseAfter) : null;
    const resolvedAt = resolutionAfter < age ? new Date(createdAt.getTime() + resolutionAfter) : null;
    const closedAt = resolvedAt && age - resolutionAfter > 3 * DAY ? new Date(resolvedAt.getTime() + 3 * DAY) : null;
    const status: TicketStatus = closedAt ? 'closed' : resolvedAt ? 'resolved' : firstResponseAt ? 'open' : 'triaged';
    const teamId = this.context.routing.get(category) ?? null;
    const assignee = this.assign(teamId, !resolvedAt);
    const sentimentLabel = this.weighted(SENTIMENT_WEIGHTS);
    const escalationLevel = this.escalationLevel(priority, sentimentLabel);
    const first = this.pick(FIRST_NAMES);
    const last = this.pick(LAST_NAMES);
    const subject = this.pick(this.context.examples[category]).slice(0, 300);
    const clocks = SLA_METRICS.map((metric) => {
      const started = rules.start(metric, priority, createdAt);
      const stopAt = metric === 'first_response' ? (firstResponseAt ?? resolvedAt) : resolvedAt;
      const clock = stopAt ? rules.stop(started, stopAt)! : rules.check(started, now).clock;
      return { ...clock, ticketId: id };
    });
    const suggested = this.random() < 0.85;
    const used = suggested && firstResponseAt ? this.weighted({ accepted: 30, edited: 20, none: 50 }) : 'none';
    return {
      id,
      customerName: `${first} ${last}`,
      customerEmail: `${first}.${last}.${Math.floor(this.random() * 20_000)}@example.com`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
      subject,
      description: `${subject}. Order ${10_000 + Math.floor(this.random() * 90_000)}.`,
      channel: this.weighted(CHANNEL_WEIGHTS),
      status,
      category,
      categoryConfidence: Math.round((0.45 + this.random() * 0.5) * 1000) / 1000,
      priority,
      sentimentLabel,
      sentimentScore: Math.round((sentimentLabel === 'negative' ? -0.2 - this.random() * 0.8 : sentimentLabel === 'positive' ? 0.2 + this.random() * 0.8 : this.random() * 0.3 - 0.15) * 1000) / 1000,
      language: this.weighted(LANGUAGE_WEIGHTS),
      escalated: escalationLevel > 0,
      escalationLevel,
      teamId,
      assigneeId: assignee?.id ?? null,
      createdAt,
      triagedAt: new Date(createdAt.getTime() + 150),
      firstResponseAt,
      resolvedAt,
      resolvedBy: resolvedAt ? (assignee?.email ?? 'admin@smartdesk.example') : null,
      closedAt,
      resolution: resolvedAt ? 'Solved as described in the reply.' : null,
      clocks,
      suggestion: suggested ? { confidence: Math.round((0.3 + this.random() * 0.65) * 1000) / 1000, used: used === 'none' ? null : used } : null,
      rating: resolvedAt && this.random() < 0.35 ? Number(this.weighted(SCORE_WEIGHTS)) : null,
    };
  }

  private assign(teamId: string | null, unfinished: boolean): { id: string; email: string } | null {
    const agents = teamId ? (this.context.agents.get(teamId) ?? []) : [];
    if (agents.length === 0) return null;
    const agent = this.pick(agents);
    if (!unfinished) return agent;
    const load = this.load.get(agent.id) ?? 0;
    if (load >= agent.capacity) return null;
    this.load.set(agent.id, load + 1);
    return agent;
  }

  private escalationLevel(priority: Priority, sentiment: string): number {
    const chance = (priority === 'urgent' ? 0.35 : priority === 'high' ? 0.15 : 0.05) + (sentiment === 'negative' ? 0.1 : 0);
    if (this.random() >= chance) return 0;
    return priority === 'urgent' && sentiment === 'negative' ? 3 : this.random() < 0.6 ? 1 : 2;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private weighted<T extends string>(weights: Weights<T>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) if ((roll -= weight) < 0) return key;
    return entries[entries.length - 1][0];
  }

  /** Log-normal around a median (sigma 1: a long tail, as support times have). */
  private logNormal(median: number): number {
    const gaussian = Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
    return median * Math.exp(gaussian);
  }
}
