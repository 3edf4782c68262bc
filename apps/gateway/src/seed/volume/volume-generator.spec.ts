import { parseSlaConfig, SlaClockRules } from '@smartdesk/operations';
import { seededRandom as randomSource } from '@smartdesk/nlp';
import { VolumeContext, VolumeGenerator } from './volume-generator';

const ALWAYS = '00:00-24:00';
/** Open every hour of every day, so that business time is wall time. */
const sla = parseSlaConfig({
  calendar: { timezone: 'UTC', hours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, ALWAYS])) },
  policies: Object.fromEntries(['urgent', 'high', 'normal', 'low'].map((priority, i) => [priority, { firstResponseMinutes: 30 * 2 ** i, resolutionMinutes: 240 * 2 ** i }])),
});
const context = (): VolumeContext => ({
  now: new Date('2026-11-16T12:00:00Z'),
  days: 30,
  examples: { billing: ['Charged twice', 'Refund my order'], shipping: ['Where is my parcel'] },
  routing: new Map([['billing', 'team-billing']]),
  agents: new Map([['team-billing', [{ id: 'agent-1', email: 'ana@example.com', capacity: 3 }]]]),
  rules: new SlaClockRules(sla),
});
const generate = (count: number, seed = 1) => {
  const generator = new VolumeGenerator(context(), seed);
  return Array.from({ length: count }, () => generator.next());
};

describe('randomSource', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = randomSource(7);
    const b = randomSource(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(randomSource(8)()).not.toBe(values[0]);
  });
});

describe('VolumeGenerator', () => {
  const tickets = generate(2000);

  it('gives the same history for the same seed (but fresh ids)', () => {
    const strip = (list: ReturnType<typeof generate>) => list.map(({ id: _id, clocks, ...rest }) => ({ ...rest, clocks: clocks.map(({ ticketId: _ticket, ...clock }) => clock) }));
    expect(strip(generate(50, 3))).toEqual(strip(generate(50, 3)));
  });

  it('keeps timestamps in order and within the window', () => {
    const { now } = context();
    for (const ticket of tickets) {
      expect(ticket.createdAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 30 * 86_400_000);
      expect(ticket.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (ticket.firstResponseAt) expect(ticket.firstResponseAt > ticket.createdAt).toBe(true);
      if (ticket.resolvedAt) expect(ticket.resolvedAt >= (ticket.firstResponseAt ?? ticket.createdAt)).toBe(true);
      if (ticket.closedAt) expect(ticket.status).toBe('closed');
    }
  });

  it('settles each SLA clock of a finished ticket, and runs those of an unfinished one', () => {
    for (const ticket of tickets) {
      const resolution = ticket.clocks.find((clock) => clock.metric === 'resolution')!;
      expect(resolution.policy).toBe(ticket.priority);
      if (ticket.resolvedAt) expect(resolution).toMatchObject({ stoppedAt: ticket.resolvedAt, runningSince: null });
      else expect(resolution.runningSince).toEqual(ticket.createdAt);
    }
  });

  it('routes by the rules, assigns finished tickets freely and unfinished ones within capacity', () => {
    expect(tickets.filter((ticket) => ticket.category === 'shipping').every((ticket) => ticket.teamId === null && ticket.assigneeId === null)).toBe(true);
    expect(tickets.filter((ticket) => ticket.category === 'billing').every((ticket) => ticket.teamId === 'team-billing')).toBe(true);
    expect(tickets.filter((ticket) => !ticket.resolvedAt && ticket.assigneeId).length).toBeLessThanOrEqual(3);
  });

  it('has realistic mixes: mostly finished, some escalated, a share rated', () => {
    const share = (test: (ticket: (typeof tickets)[number]) => boolean) => tickets.filter(test).length / tickets.length;
    expect(share((ticket) => ticket.resolvedAt !== null)).toBeGreaterThan(0.8);
    expect(share((ticket) => ticket.escalated)).toBeGreaterThan(0.03);
    expect(share((ticket) => ticket.escalated)).toBeLessThan(0.3);
    expect(share((ticket) => ticket.rating !== null)).toBeGreaterThan(0.2);
    expect(new Set(tickets.map((ticket) => ticket.priority))).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    expect(new Set(tickets.map((ticket) => ticket.channel)).size).toBe(5);
  });
});
