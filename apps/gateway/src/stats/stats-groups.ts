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

