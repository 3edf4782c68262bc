import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/api-client';

/** GET /api/stats: counts, rates (0-1, null without data) and percentiles in seconds (null without data). */
export interface Stats {
  range: { from: string; to: string };
  department: string | null;
  tickets: number;
  volume: Record<VolumeDimension, { key: string; count: number }[]>;
  /** Every UTC day of the range, zero where no ticket was created. */
  daily: { date: string; total: number; byCategory: Record<string, number> }[];
  firstResponseSeconds: Percentiles;
  resolutionSeconds: Percentiles;
  sla: { firstResponse: SlaCompliance; resolution: SlaCompliance };
  escalation: { triaged: number; escalated: number; rate: number | null };
  suggestions: {
    offered: number;
    used: number;
    acceptedUnchanged: number;
    acceptanceRate: number | null;
    byCategory: { category: string | null; accepted: number; edited: number; rejected: number; acceptanceRate: number }[];
  };
  csat: { ratings: number; average: number | null; satisfied: number; score: number | null };
}

export const VOLUME_DIMENSIONS = ['category', 'priority', 'channel', 'language'] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];

export interface Percentiles {
  count: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

export interface SlaCompliance {
  measured: number;
  met: number;
  compliance: number | null;
  breachedOpen: number;
}

export interface StatsFilter {
  /** YYYY-MM-DD, the first day included */
  from: string;
  /** YYYY-MM-DD, the last day included */
  to: string;
  /** Admins only; empty: every department */
  department: string;
}

const DAY = 86_400_000;

/** The API's `to` is exclusive: the day after the last day shown. */
export function useStats(filter: StatsFilter) {
  const query = { from: filter.from, to: new Date(Date.parse(filter.to) + DAY).toISOString().slice(0, 10), department: filter.department || undefined };
  return useQuery({ queryKey: ['stats', query], queryFn: ({ signal }) => api<Stats>(withQuery('/api/stats', query), { signal }) });
}

/** The last 30 days up to today (UTC dates, as the API's daily series counts them). */
export function defaultStatsFilter(now = new Date()): StatsFilter {
  return { from: new Date(now.getTime() - 29 * DAY).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10), department: '' };
}
