import { messageIds, threadSubject, ticketNumberInSubject } from './thread-reference';
import { replyMailText, statusMailText, MAIL_LANGUAGES } from './mail-templates';
import { configuredMailboxes } from './mailbox-config';

describe('thread references', () => {
  it('finds the ticket number in a subject', () => {
    expect(ticketNumberInSubject('Re: Parcel late [#1234]')).toBe(1234);
    expect(ticketNumberInSubject('Order #1234')).toBeNull();
  });

  it('gives mail about a ticket one reply subject with its reference, however often it is answered', () => {
    expect(threadSubject('Parcel late', 12)).toBe('Re: Parcel late [#12]');
    expect(threadSubject('RE: Fwd: Parcel late [#12]', 12)).toBe('Re: Parcel late [#12]');
  });

  it('reads Message-IDs from References and In-Reply-To values', () => {
    expect(messageIds('<a@x> <b@y>')).toEqual(['a@x', 'b@y']);
    expect(messageIds(['<a@x>', '<b@y>'])).toEqual(['a@x', 'b@y']);
    expect(messageIds(undefined)).toEqual([]);
  });
});

describe('mail templates', () => {
  it.each(MAIL_LANGUAGES)('writes %s replies and status notices with the ticket reference', (language) => {
    const content = { language, customerName: 'Ana', ticketNumber: 77 };
    expect(replyMailText(content, 'Your refund is on its way.')).toContain('Your refund is on its way.');
    expect(replyMailText(content, 'x')).toContain('[#77]');
    expect(statusMailText(content, 'resolved')).toContain('77');
  });

  it('falls back to English for other languages', () => {
    expect(statusMailText({ language: 'nl', customerName: 'Ana', ticketNumber: 5 }, 'resolved')).toContain('Your request #5 is now resolved.');
  });
});

describe('configuredMailboxes', () => {
  it('reads each URL, with credentials from the URL or the shared variables', () => {
    const [first, second] = configuredMailboxes({
      MAIL_IMAP_URL: ['imaps://support%40example.com:p%40ss@imap.example.com/Support', 'imap://imap.example.com:1143'],
      MAIL_IMAP_USER: 'shared@example.com',
      MAIL_IMAP_PASSWORD: 'shared-secret',
    });
    expect(first).toEqual({ key: 'support@example.com@imap.example.com.993/Support', host: 'imap.example.com', port: 993, secure: true, user: 'support@example.com', password: 'p@ss', folder: 'Support' });
    expect(second).toMatchObject({ port: 1143, secure: false, user: 'shared@example.com', password: 'shared-secret', folder: 'INBOX' });
    expect(JSON.stringify([first.key, second.key])).not.toContain('secret');
  });
});
