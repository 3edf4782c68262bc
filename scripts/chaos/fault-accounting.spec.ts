import type { PacedSubmission } from '../bench/paced-load';
import { accountFault, errorKind, FaultResult, targetMet, TicketOutcome } from './fault-accounting';

const FAULT_AT = 10_000;
const RECOVERED_AT = 14_000;
const window = { faultAt: FAULT_AT, recoveredAt: RECOVERED_AT };
const accepted = (id: string, sentAt: number): PacedSubmission => ({ sentAt, answeredAt: sentAt + 20, status: 201, id });
const done = (triagedAt: number, duplicates = 0): TicketOutcome => ({ stagesDone: 4, triagedAt, duplicates });

describe('errorKind', () => {
  it('tells a clear 503 from refused, cut and hung connections and other statuses', () => {
    const at = { sentAt: 0, answeredAt: 1 };
    expect(errorKind({ ...at, status: 503, jsonBody: true })).toBe('503 json');
    expect(errorKind({ ...at, status: 503, jsonBody: false })).toBe('503');
    expect(errorKind({ ...at, status: 500, jsonBody: true })).toBe('500');
    expect(errorKind({ ...at, status: 0, error: 'ECONNREFUSED' })).toBe('refused');
    expect(errorKind({ ...at, status: 0, error: 'TIMEOUT' })).toBe('hang');
    expect(errorKind({ ...at, status: 0, error: 'ECONNRESET' })).toBe('reset');
  });
});

describe('accountFault', () => {
  it('counts every accepted ticket triaged in time, and times the recovery from the fault', () => {
    const submissions = [accepted('a', 9_000), accepted('b', 10_500), accepted('c', 15_000), { sentAt: 11_000, answeredAt: 11_001, status: 0, error: 'ECONNREFUSED' }];
    const outcomes = new Map([
      ['a', done(9_100)],
      ['b', done(16_000)],
      ['c', done(15_200)],
    ]);
    expect(accountFault('kill gateway', 1, window, submissions, outcomes)).toEqual<FaultResult>({
      fault: 'kill gateway',
      injections: 1,
      posted: 4,
      accepted: 3,
      clientErrors: { refused: 1 },
      triaged: 3,
      lost: 0,
      duplicated: 0,
      firstTriagedAfterFaultMs: 6_000,
      drainedAfterFaultMs: 6_000,
      outageMs: 4_000,
    });
  });

  it('counts as lost an accepted ticket with no row, with a stage missing, or triaged after the deadline', () => {
    const submissions = [accepted('gone', 9_000), accepted('partial', 9_500), accepted('late', 10_500), accepted('ok', 11_000)];
    const outcomes = new Map<string, TicketOutcome>([
      ['partial', { stagesDone: 3, duplicates: 0 }],
      ['late', done(RECOVERED_AT + 60_001)],
      ['ok', done(12_000)],
    ]);
    const result = accountFault('restart redis', 1, window, submissions, outcomes);
    expect(result).toMatchObject({ accepted: 4, triaged: 1, lost: 3, drainedAfterFaultMs: null });
  });

  it('gives a ticket posted after the recovery a minute from its own post', () => {
    const result = accountFault('stop chroma', 1, window, [accepted('later', 30_000)], new Map([['later', done(89_000)]]));
    expect(result).toMatchObject({ triaged: 1, lost: 0 });
  });

  it('counts each ticket with a repeated stage result or event once, however many repeats it has', () => {
    const submissions = [accepted('a', 9_000), accepted('b', 9_100)];
    const result = accountFault(
      'kill rag-worker',
      3,
      window,
      submissions,
      new Map([
        ['a', done(11_000, 2)],
        ['b', done(11_000)],
      ]),
    );
    expect(result).toMatchObject({ duplicated: 1, lost: 0, injections: 3 });
  });

  it('says never when no ticket posted after the fault was triaged', () => {
    const result = accountFault('restart postgres', 1, window, [accepted('a', 10_100)], new Map());
    expect(result).toMatchObject({ firstTriagedAfterFaultMs: null, lost: 1 });
  });
});

describe('targetMet', () => {
  const clean = accountFault('kill gateway', 1, window, [accepted('a', 9_000)], new Map([['a', done(9_500)]]));

  it('holds with nothing lost, duplicated or hung', () => {
    expect(targetMet([clean, { ...clean, clientErrors: { '503 json': 4, refused: 2 } }])).toBe(true);
  });

  it('is missed by one lost ticket, one processed twice, or one hung request', () => {
    expect(targetMet([clean, { ...clean, lost: 1 }])).toBe(false);
    expect(targetMet([{ ...clean, duplicated: 1 }])).toBe(false);
    expect(targetMet([{ ...clean, clientErrors: { hang: 1 } }])).toBe(false);
  });
});
