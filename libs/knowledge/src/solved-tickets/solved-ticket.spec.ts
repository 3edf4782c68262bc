import type { TicketEntity } from '@smartdesk/database';
import { generalizedSolvedTicket, solvedTicketDocument } from './solved-ticket';

const ticket = {
  id: 't-354',
  number: 354,
  category: 'billing',
  language: 'en',
  customerName: 'Jamie Doe',
  customerEmail: 'jamie@example.com',
  subject: 'Charged twice <b>again</b>, Jamie Doe',
  description: 'My card 4111 1111 1111 1111 (CVV 737) was charged twice. Call me on +44 20 7946 0958. Password Hunter2!',
  resolution: 'Refunded the duplicate to Jamie Doe card 4111 1111 1111 1111 (jamie@example.com, password Hunter2!). Refunds take 5 business days.',
} as unknown as TicketEntity;

const PERSONAL = /Jamie|Doe|jamie@|4111|737|7946|Hunter2|<b>/;

describe('solved tickets leave their customer generalized', () => {
  it('indexes a document with no personal, payment or credential data', () => {
    const document = solvedTicketDocument(ticket);
    expect(document).not.toMatch(PERSONAL);
    expect(document).toContain('Refunds take 5 business days.');
  });

  it('hands replies a subject and resolution with placeholders in their place', () => {
    const solved = generalizedSolvedTicket(ticket);
    expect(JSON.stringify(solved)).not.toMatch(PERSONAL);
    expect(solved.resolution).toBe('Refunded the duplicate to [name] card [card] ([email], password [redacted]). Refunds take 5 business days.');
    expect(solved.subject).toBe('Charged twice again, [name]');
  });
});
