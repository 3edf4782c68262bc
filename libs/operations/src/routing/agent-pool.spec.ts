import { AgentPool, PoolAgent, WaitingTicket } from './agent-pool';

const agent = (id: string, fields: Partial<PoolAgent> = {}): PoolAgent => ({ id, email: `${id}@x`, teamId: 'team', skills: [], open: 0, capacity: 2, lastAssignedAt: null, ...fields });
const ticket = (id: string, fields: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id,
  teamId: 'team',
  category: 'billing',
  priority: 'normal',
  createdAt: new Date(Date.UTC(2026, 0, 1)),
  ...fields,
});

describe('AgentPool', () => {
  it('takes turns among equals, fewest open first, and never goes past a capacity', () => {
    const pool = new AgentPool([agent('a', { lastAssignedAt: 5 }), agent('b', { lastAssignedAt: 3 }), agent('c', { open: 2 })]);
    const assignments = pool.assign(['1', '2', '3', '4', '5'].map((id) => ticket(id)));
    expect(assignments.map((assignment) => [assignment.ticketId, assignment.agent.id, assignment.open])).toEqual([
      ['1', 'b', 1],
      ['2', 'a', 1],
      ['3', 'b', 2],
      ['4', 'a', 2],
    ]);
  });

  it('gives the most urgent, then the oldest tickets first when room is short', () => {
    const pool = new AgentPool([agent('a', { capacity: 2 })]);
    const old = ticket('old', { createdAt: new Date(Date.UTC(2025, 0, 1)) });
    const urgent = ticket('urgent', { priority: 'urgent' });
    const unknown = ticket('unknown', { priority: null, createdAt: new Date(Date.UTC(2020, 0, 1)) });
    expect(pool.assign([unknown, ticket('new'), old, urgent]).map((assignment) => assignment.ticketId)).toEqual(['urgent', 'old']);
  });

  it('matches skills and teams: an agent with skills takes only those categories, one without takes any', () => {
    const pool = new AgentPool([agent('billing-only', { skills: ['billing'], capacity: 5 }), agent('other-team', { teamId: 'it', capacity: 5 })]);
    const assignments = pool.assign([ticket('1', { category: 'orders' }), ticket('2'), ticket('3', { category: null }), ticket('4', { teamId: 'it', category: 'orders' })]);
    expect(assignments.map((assignment) => [assignment.ticketId, assignment.agent.id])).toEqual([
      ['2', 'billing-only'],
      ['4', 'other-team'],
    ]);
  });
});
