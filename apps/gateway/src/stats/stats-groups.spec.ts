import { foldDaily, foldGroups, Group } from './stats-groups';

const group = (category: string | null, priority: string, channel: string, language: string | null, total: number, extra: Partial<Group> = {}): Group => ({
  category,
  priority,
  channel,
  language,
  total,
  first_response_measured: 0,
  first_response_met: 0,
  resolution_measured: 0,
  resolution_met: 0,
  triaged: total,
  escalated: 0,
  suggestions_offered: 0,
  suggestions_used: 0,
  suggestions_unchanged: 0,
  ratings: 0,
  rating_sum: 0,
  satisfied: 0,
  ...extra,
});

describe('foldGroups', () => {
  it('adds the groups up into one volume per dimension, largest first (ties by key), and into the totals', () => {
    const { volume, counts } = foldGroups([
      group('billing', 'high', 'web', 'en', 3, { escalated: 1, ratings: 2, rating_sum: 9 }),
      group('billing', 'low', 'email', 'es', 1),
      group('shipping', 'high', 'web', 'en', 2, { escalated: 1, ratings: 1, rating_sum: 2 }),
      group(null, 'normal', 'chat', null, 2),
    ]);
    expect(volume).toEqual({
      category: [
        { key: 'billing', count: 4 },
        { key: 'shipping', count: 2 },
        { key: 'unknown', count: 2 },
      ],
      priority: [
        { key: 'high', count: 5 },
        { key: 'normal', count: 2 },
        { key: 'low', count: 1 },
      ],
      channel: [
        { key: 'web', count: 5 },
        { key: 'chat', count: 2 },
        { key: 'email', count: 1 },
      ],
      language: [
        { key: 'en', count: 5 },
        { key: 'unknown', count: 2 },
        { key: 'es', count: 1 },
      ],
    });
    expect(counts).toMatchObject({ total: 8, triaged: 8, escalated: 2, ratings: 3, rating_sum: 11 });
  });

  it('folds no groups into empty volumes and zero counts', () => {
    const { volume, counts } = foldGroups([]);
    expect(volume).toEqual({ category: [], priority: [], channel: [], language: [] });
    expect(counts.total).toBe(0);
  });
});

describe('foldDaily', () => {
  it('gives every UTC day the range touches, zero where no ticket was created, with the categories of each day', () => {
    const daily = foldDaily(
      [
        { date: '2025-01-01', category: 'billing', count: 2 },
        { date: '2025-01-01', category: null, count: 1 },
        { date: '2025-01-03', category: 'orders', count: 4 },
      ],
      new Date('2025-01-01T12:00:00Z'),
      new Date('2025-01-04T00:00:00Z'),
    );
    expect(daily).toEqual([
      { date: '2025-01-01', total: 3, byCategory: { billing: 2, unknown: 1 } },
      { date: '2025-01-02', total: 0, byCategory: {} },
      { date: '2025-01-03', total: 4, byCategory: { orders: 4 } },
    ]);
  });
});
