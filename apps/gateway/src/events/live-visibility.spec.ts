import type { TicketLiveEvent } from '@smartdesk/contracts';
import type { Principal } from '../auth/principal';
import { canSee, viewFor } from './live-visibility';

const TEAM_A = 'a0000000-0000-4000-8000-000000000001';
const TEAM_B = 'b0000000-0000-4000-8000-000000000002';
const ANA = 'c0000000-0000-4000-8000-000000000003';
const JAMIE = 'd0000000-0000-4000-8000-000000000004';

const principal = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({
  userId: 'e0000000-0000-4000-8000-000000000005',
  email: `${role}@example.com`,
  name: role,
  role,
  teamId: null,
  department: null,
  ...extra,
});

const event = (extra: Partial<TicketLiveEvent> = {}): TicketLiveEvent => ({
  v: 1,
  type: 'status-changed',
  ticketId: 'f0000000-0000-4000-8000-000000000006',
  number: 12,
  status: 'open',
  version: 3,
  teamId: TEAM_A,
  department: 'Customer Care',
  assigneeId: null,
  customerId: JAMIE,
  escalationLevel: 0,
  internal: false,
  at: '2026-11-16T10:00:00.000Z',
  ...extra,
});

describe('canSee', () => {
  it('admins hear of everything', () => {
    expect(canSee(principal('admin'), event({ teamId: null, department: null, internal: true }))).toBe(true);
  });

  it("agents hear of their team's queue and what is assigned to them", () => {
    const ana = principal('agent', { userId: ANA, teamId: TEAM_A });
    expect(canSee(ana, event())).toBe(true);
    expect(canSee(ana, event({ teamId: TEAM_B }))).toBe(false);
    expect(canSee(ana, event({ teamId: TEAM_B, assigneeId: ANA }))).toBe(true);
    expect(canSee(principal('agent', { teamId: null }), event({ teamId: null }))).toBe(false);
  });

  it('managers hear of their department and what is assigned to them', () => {
    const manager = principal('manager', { teamId: TEAM_B, department: 'Customer Care' });
    expect(canSee(manager, event())).toBe(true);
    expect(canSee(manager, event({ department: 'IT' }))).toBe(false);
    expect(canSee(manager, event({ department: null, teamId: null }))).toBe(false);
    expect(canSee(manager, event({ department: 'IT', assigneeId: manager.userId }))).toBe(true);
  });

  it('customers hear only of public changes to their own tickets', () => {
    const jamie = principal('customer', { userId: JAMIE });
    expect(canSee(jamie, event())).toBe(true);
    expect(canSee(jamie, event({ internal: true }))).toBe(false);
    expect(canSee(jamie, event({ customerId: ANA }))).toBe(false);
    expect(canSee(jamie, event({ customerId: null }))).toBe(false);
  });
});

describe('viewFor', () => {
  it('gives customers no routing or escalation fields', () => {
    expect(viewFor(principal('customer', { userId: JAMIE }), event())).toEqual({ v: 1, type: 'status-changed', ticketId: event().ticketId, number: 12, status: 'open', at: event().at });
    expect(viewFor(principal('agent'), event())).toEqual(event());
  });
});
