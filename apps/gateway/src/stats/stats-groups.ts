/** The rows of the statistics' grouped statement, and how they fold into volumes and totals. */
const DIMENSIONS = ['category', 'priority', 'channel', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const COUNTS = [
  'total',
  'first_response_measured',
  'first_response_met',
  'resolution_measured',
  'resolution_met',
  'triaged',
  'escalated',
  'suggestions_offered',
  'suggestions_used',
  'suggestions_unchanged',
  'ratings',
  'rating_sum',
  'satisfied',
] as const;
export type Counts = Record<(typeof COUNTS)[number], number>;
export type Group = Record<Dimension, string | null> & Counts;

/** The four volumes (largest first) and the totals, from the groups of GROUPED_SQL. */
export function foldGroups(groups: Group[]): { volume: Record<Dimension, { key: string; count: number }[]>; counts: Counts } {
  const counts = Object.fromEntries(COUNTS.map((name) => [name, groups.reduce((sum, group) => sum + group[name], 0)])) as Counts;
  const volume = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const totals = new Map<string, number>();
      for (const group of groups) totals.set(group[dimension] ?? 'unknown', (totals.get(group[dimension] ?? 'unknown') ?? 0) + group.total);
      const entries = [...totals].map(([key, count]) => ({ key, count }));
      return [dimension, entries.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))];
    }),
  ) as Record<Dimension, { key: string; count: number }[]>;
  return { volume, counts };
}

/** One row of DAILY_SQL: the tickets of a category created on a UTC day (`YYYY-MM-DD`). */
export interface DayCategoryCount {
  date: string;
  category: string | null;
  count: number;
}

export interface DailyVolume {
  date: string;
  total: number;
  byCategory: Record<string, number>;
}

const DAY_MS = 86_400_000;

/** Every UTC day the range [from, to) touches, in order, with its total and its categories (days without tickets as 0, so a chart's axis is even). */
export function foldDaily(rows: DayCategoryCount[], from: Date, to: Date): DailyVolume[] {
  const days = new Map<string, DailyVolume>();
  for (let day = Math.floor(from.getTime() / DAY_MS) * DAY_MS; day < to.getTime(); day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    days.set(date, { date, total: 0, byCategory: {} });
  }
  for (const row of rows) {
    const day = days.get(row.date);
    if (!day) continue;
    const category = row.category ?? 'unknown';
    day.total += row.count;
    day.byCategory[category] = (day.byCategory[category] ?? 0) + row.count;
  }
  return [...days.values()];
}
