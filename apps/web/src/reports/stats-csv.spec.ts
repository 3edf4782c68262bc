import type { Stats } from './stats-api';
import { statsToCsv } from './stats-csv';

const stats: Stats = {
  range: { from: '2025-01-01T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' },
  department: 'Customer Care, EU',
  tickets: 3,
  volume: {
    category: [
      { key: 'billing', count: 2 },
      { key: 'orders', count: 1 },
    ],
    priority: [{ key: 'high', count: 3 }],
    channel: [{ key: 'web', count: 3 }],
    language: [{ key: 'en', count: 3 }],
  },
  daily: [
    { date: '2025-01-01', total: 2, byCategory: { billing: 2 } },
    { date: '2025-01-02', total: 1, byCategory: { orders: 1 } },
  ],
  firstResponseSeconds: { count: 2, p50: 600, p90: 900, p95: 950 },
  resolutionSeconds: { count: 0, p50: null, p90: null, p95: null },
  sla: { firstResponse: { measured: 2, met: 1, compliance: 0.5, breachedOpen: 0 }, resolution: { measured: 0, met: 0, compliance: null, breachedOpen: 1 } },
  escalation: { triaged: 3, escalated: 1, rate: 0.3333 },
  suggestions: { offered: 2, used: 1, acceptedUnchanged: 1, acceptanceRate: 0.5, byCategory: [{ category: 'say "hi"', accepted: 1, edited: 0, rejected: 1, acceptanceRate: 0.5 }] },
  csat: { ratings: 1, average: 5, satisfied: 1, score: 1 },
};

describe('statsToCsv', () => {
  it('writes every figure on the screen as section,key,value rows, quoting fields with commas or quotes and leaving missing values empty', () => {
    const lines = statsToCsv(stats).split('\r\n');
    expect(lines[0]).toBe('section,key,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'range,department,"Customer Care, EU"',
        'tickets,total,3',
        'volume.category,billing,2',
        'volume.language,en,3',
        'daily,2025-01-02,1',
        'firstResponseSeconds,p50,600',
        'resolutionSeconds,p50,',
        'sla.resolution,compliance,',
        'sla.resolution,breachedOpen,1',
        'escalation,rate,0.3333',
        'suggestions.acceptanceRate.byCategory,"say ""hi""",0.5',
        'csat,score,1',
      ]),
    );
    expect(lines.at(-1)).toBe('');
  });
});
