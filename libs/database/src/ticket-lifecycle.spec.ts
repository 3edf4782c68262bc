import { allowedTransitions, canTransition, statusesLeadingTo, TICKET_STATUSES } from './ticket-lifecycle';

describe('ticket lifecycle', () => {
  it('follows new → triaged → open → pending → resolved → closed', () => {
    const path = ['new', 'triaged', 'open', 'pending', 'resolved', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('reopens pending and resolved tickets, never closed ones', () => {
    expect(canTransition('pending', 'open')).toBe(true);
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('refuses moving back to a pipeline status or staying in place', () => {
    for (const status of TICKET_STATUSES) {
      expect(canTransition(status, status)).toBe(false);
      if (status !== 'new') expect(canTransition(status, 'new')).toBe(false);
    }
    expect(canTransition('open', 'triaged')).toBe(false);
    expect(canTransition('closed', 'open')).toBe(false);
    expect(canTransition('open', 'closed')).toBe(false);
  });

  it('only a new ticket can become triaged (what the escalation worker writes)', () => {
    expect(statusesLeadingTo('triaged')).toEqual(['new']);
    expect(statusesLeadingTo('open').sort()).toEqual(['new', 'pending', 'resolved', 'triaged']);
  });
});
