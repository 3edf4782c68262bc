import { MAIL_LANGUAGES, mergedMailText, replyMailText, statusMailText } from './mail-templates';

describe('mail templates', () => {
  it.each(MAIL_LANGUAGES)('writes %s replies and status notices with the ticket reference', (language) => {
    const content = { language, customerName: 'Ana', ticketNumber: 77 };
    expect(replyMailText(content, 'Your refund is on its way.')).toContain('Your refund is on its way.');
    expect(replyMailText(content, 'x')).toContain('[#77]');
    expect(statusMailText(content, 'resolved')).toContain('77');
  });

  it.each(MAIL_LANGUAGES)('writes %s merge notices naming both tickets, answered on the one that continues', (language) => {
    const text = mergedMailText({ language, customerName: 'Ana', ticketNumber: 9 }, 12);
    expect(text).toMatch(/12[\s\S]*9/);
    expect(text).toContain('[#9]');
    expect(text).not.toContain('[#12]');
  });

  it('falls back to English for other languages', () => {
    expect(statusMailText({ language: 'nl', customerName: 'Ana', ticketNumber: 5 }, 'resolved')).toContain('Your request #5 is now resolved.');
    expect(mergedMailText({ language: 'nl', customerName: 'Ana', ticketNumber: 5 }, 8)).toContain('we continue on request #5');
  });
});
