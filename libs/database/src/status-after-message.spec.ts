import { TICKET_STATUSES } from './ticket-lifecycle';
import { statusAfterMessage } from './status-after-message';

describe('statusAfterMessage', () => {
  it('reopens a pending or resolved ticket when the customer writes', () => {
    expect(statusAfterMessage('customer', 'pending')).toBe('open');
    expect(statusAfterMessage('customer', 'resolved')).toBe('open');
    expect(statusAfterMessage('customer', 'open')).toBeNull();
    expect(statusAfterMessage('customer', 'new')).toBeNull();
  });

  it("opens a new or triaged ticket on an agent's public reply, and leaves others alone", () => {
    expect(statusAfterMessage('reply', 'new')).toBe('open');
    expect(statusAfterMessage('reply', 'triaged')).toBe('open');
    expect(statusAfterMessage('reply', 'pending')).toBeNull();
    expect(statusAfterMessage('reply', 'resolved')).toBeNull();
  });

  it('never moves a ticket for an internal note', () => {
    for (const status of TICKET_STATUSES) expect(statusAfterMessage('note', status)).toBeNull();
  });
});
