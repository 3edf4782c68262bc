import { ConflictException } from '@nestjs/common';
import type { TicketEntity, TicketStatus } from '@smartdesk/database';
import type { Principal } from '../auth/principal';
import { transition } from './ticket-transition';

const agent: Principal = { userId: '6f1c1f7e-5d3a-4f59-9d2e-0f6f7d1f2a10', email: 'kim@smartdesk.example', name: 'Kim', role: 'agent', teamId: null, department: null };
const ticketIn = (status: TicketStatus, extra: Partial<TicketEntity> = {}) => ({ status, ...extra }) as TicketEntity;

describe('transition', () => {
  it('resolves with the resolution, who and when', () => {
    const { patch, event } = transition(ticketIn('open'), 'resolved', agent, 'Refunded.');
    expect(patch).toMatchObject({ status: 'resolved', resolution: 'Refunded.', resolvedBy: agent.email, resolvedById: agent.userId, resolvedAt: expect.any(Date) });
    expect(event).toMatchObject({ type: 'resolved', data: { from: 'open', to: 'resolved', resolution: 'Refunded.' } });
  });

  it('reopening a resolved ticket clears its resolution', () => {
    const { patch, event } = transition(ticketIn('resolved', { resolution: 'x', resolvedBy: 'a@b.c' }), 'open', agent);
    expect(patch).toEqual({ status: 'open', resolution: null, resolvedAt: null, resolvedBy: null, resolvedById: null });
    expect(event.type).toBe('reopened');
  });

  it('closing records when', () => {
    expect(transition(ticketIn('resolved'), 'closed', agent).patch).toEqual({ status: 'closed', closedAt: expect.any(Date) });
  });

  it('a plain move changes only the status', () => {
    const { patch, event } = transition(ticketIn('open'), 'pending', agent);
    expect(patch).toEqual({ status: 'pending' });
    expect(event).toMatchObject({ type: 'status-changed', data: { from: 'open', to: 'pending' } });
  });

  it('refuses an invalid move with 409 naming the allowed ones', () => {
    const attempt = () => transition(ticketIn('resolved'), 'pending', agent);
    expect(attempt).toThrow(ConflictException);
    try {
      attempt();
    } catch (error) {
      expect((error as ConflictException).getResponse()).toMatchObject({ statusCode: 409, status: 'resolved', allowed: ['open', 'closed'] });
    }
  });

  it('says that closed is final', () => {
    expect(() => transition(ticketIn('closed'), 'open', agent)).toThrow(/closed is final/);
  });
});
