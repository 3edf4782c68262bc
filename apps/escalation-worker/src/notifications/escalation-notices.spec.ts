import type { EscalationDecision } from '@smartdesk/contracts';
import type { TicketEntity } from '@smartdesk/database';
import { escalationNotices } from './escalation-notices';

const ticket = {
  id: '3f1c2b7e-0000-4000-8000-000000000001',
  number: 42,
  subject: 'Charged twice',
  status: 'triaged',
  priority: 'urgent',
  category: 'billing',
  language: 'en',
  channel: 'web',
  teamId: null,
  assigneeId: null,
  customerEmail: 'jamie@example.com',
  customerName: 'Jamie',
} as unknown as TicketEntity;
const decision = (level: number): EscalationDecision => ({
  escalate: level > 0,
  level,
  reasons: level ? [{ rule: 'sla-at-risk', detail: 'first response SLA at risk' }] : [],
  confidence: 1,
  source: 'rules',
});
const env = { ESCALATION_WEBHOOK_URLS: ['https://a.example/hook', 'https://b.example/hook'], SMTP_URL: 'smtp://mail.example', ESCALATION_EMAIL_TO: ['oncall@example.com', 'lead@example.com'] };
const at = new Date('2026-11-16T10:00:00Z');

describe('escalationNotices', () => {
  it('one webhook per receiver and one email to all recipients', () => {
    const notices = escalationNotices(ticket, decision(2), env, at);
    expect(notices.map((notice) => [notice.channel, notice.target])).toEqual([
      ['webhook', 'https://a.example/hook'],
      ['webhook', 'https://b.example/hook'],
      ['email', 'oncall@example.com, lead@example.com'],
    ]);
    expect(notices[0].payload).toEqual({
      event: 'ticket.escalated',
      occurredAt: '2026-11-16T10:00:00.000Z',
      ticket: { id: ticket.id, number: 42, subject: 'Charged twice', status: 'triaged', priority: 'urgent', category: 'billing', language: 'en', channel: 'web', teamId: null, assigneeId: null },
      escalation: { level: 2, reasons: [{ rule: 'sla-at-risk', detail: 'first response SLA at risk' }], confidence: 1, source: 'rules' },
    });
    expect(notices[2].payload).toMatchObject({ subject: '[Smartdesk] Ticket #42 escalated to level 2: Charged twice', text: expect.stringContaining('- sla-at-risk: first response SLA at risk') });
  });

  it('never carries the customer address', () => {
    expect(JSON.stringify(escalationNotices(ticket, decision(3), env, at))).not.toContain('jamie@example.com');
  });

  it('keys each notice by ticket, level and receiver: the same level again is the same notice, a higher one is new', () => {
    const keys = (level: number, when = at) => escalationNotices(ticket, decision(level), env, when).map((notice) => notice.dedupeKey);
    expect(new Set(keys(2)).size).toBe(3);
    expect(keys(2, new Date('2026-11-17T00:00:00Z'))).toEqual(keys(2));
    expect(keys(3).some((key) => keys(2).includes(key))).toBe(false);
  });

  it('nothing without an escalation, or without receivers', () => {
    expect(escalationNotices(ticket, decision(0), env, at)).toEqual([]);
    expect(escalationNotices(ticket, decision(2), {}, at)).toEqual([]);
    // Email needs both a server and recipients.
    expect(escalationNotices(ticket, decision(2), { SMTP_URL: 'smtp://mail.example' }, at)).toEqual([]);
  });

  it('masks card data written in the subject before it leaves for webhooks and email', () => {
    const notices = escalationNotices({ ...ticket, subject: 'Charged twice on 4111 1111 1111 1111' } as TicketEntity, decision(2), env, at);
    expect(JSON.stringify(notices)).not.toContain('4111 1111');
    expect(JSON.stringify(notices)).toContain('Charged twice on [card ••••1111]');
  });
});
