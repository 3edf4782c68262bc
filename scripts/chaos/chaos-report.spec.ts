import { buildChaosReport, chaosRows, formatChaosMarkdown, formatChaosTable } from './chaos-report';
import type { FaultResult } from './fault-accounting';

const result = (fault: string, extra: Partial<FaultResult> = {}): FaultResult => ({
  fault,
  injections: 1,
  posted: 50,
  accepted: 50,
  clientErrors: {},
  triaged: 50,
  lost: 0,
  duplicated: 0,
  firstTriagedAfterFaultMs: 2_500,
  drainedAfterFaultMs: 4_000,
  outageMs: 1_200,
  ...extra,
});

describe('chaos report', () => {
  const date = new Date('2026-12-05T08:00:00Z');

  it('has one row per fault with the client errors by kind and the times in seconds', () => {
    const report = buildChaosReport(
      [result('kill sentiment-worker', { injections: 3 }), result('kill gateway', { accepted: 40, triaged: 40, clientErrors: { refused: 9, reset: 1 }, drainedAfterFaultMs: null })],
      date,
      { rate: '5/s' },
    );
    expect(chaosRows(report)).toEqual([
      ['kill sentiment-worker x3', '50', '50', 'none', '50', '0', '0', '1.2', '2.5', '4.0'],
      ['kill gateway', '50', '40', '9 refused, 1 reset', '40', '0', '0', '1.2', '2.5', 'never'],
    ]);
    expect(report.targetMet).toBe(true);
  });

  it('says the target was missed when a ticket was lost, in the table and the markdown', () => {
    const report = buildChaosReport([result('restart redis', { triaged: 49, lost: 1 })], date, { rate: '5/s' });
    expect(report.targetMet).toBe(false);
    expect(formatChaosTable(report)).toMatch(/rate 5\/s[\s\S]*restart redis[\s\S]*: MISSED$/);
    expect(formatChaosMarkdown(report)).toContain('| restart redis | 50 | 50 | none | 49 | 1 | 0 | 1.2 | 2.5 | 4.0 |');
  });
});
