import type { TicketEntity } from '@smartdesk/database';
import { customerTicketView } from './ticket-views';

describe('customerTicketView', () => {
  it('keeps what the customer wrote and the status, drops triage, routing and internal fields', () => {
    const ticket = {
      id: 'id-1',
      number: 7,
      subject: 'Parcel',
      description: 'Where is it?',
      channel: 'web',
      status: 'open',
      resolution: null,
      resolvedAt: null,
      closedAt: null,
      mergedIntoId: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      sentimentLabel: 'negative',
      priority: 'urgent',
      escalated: true,
      escalationLevel: 3,
      assigneeId: 'agent-1',
      teamId: 'team-1',
      metadata: { tier: 'vip' },
      version: 4,
    } as unknown as TicketEntity;
    const view = customerTicketView(ticket);
    expect(Object.keys(view).sort()).toEqual(['channel', 'closedAt', 'createdAt', 'description', 'id', 'mergedIntoId', 'number', 'resolution', 'resolvedAt', 'status', 'subject', 'updatedAt']);
    expect(JSON.stringify(view)).not.toMatch(/negative|urgent|vip|agent-1|team-1/);
  });

  it('masks card data, CVVs and passwords the customer wrote', () => {
    const ticket = { subject: 'Card 4111 1111 1111 1111', description: 'CVV 123, password: Hunter2!', resolution: null } as unknown as TicketEntity;
    expect(customerTicketView(ticket)).toMatchObject({ subject: 'Card [card ••••1111]', description: 'CVV •••, password: [redacted]', resolution: null });
  });
});
