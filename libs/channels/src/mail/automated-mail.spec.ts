import { automatedMailReason } from './automated-mail';

const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));

describe('automatedMailReason', () => {
  it('lets a person’s mail through', () => {
    expect(automatedMailReason(headers({ subject: 'Help', 'auto-submitted': 'no' }), 'ana@example.com', 'support@example.com')).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'ana@example.com', /Auto-Submitted/],
    [{ 'x-autoreply': 'yes' }, 'ana@example.com', /auto-reply/],
    [{ precedence: 'bulk' }, 'ana@example.com', /Precedence: bulk/],
    [{ precedence: 'junk' }, 'ana@example.com', /Precedence: junk/],
    [{ list: { id: { id: 'members.lists.example' } } }, 'ana@example.com', /mailing list/],
    [{}, 'mailer-daemon@mx.example.com', /system sender/],
    [{}, 'postmaster@example.com', /system sender/],
    [{ 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } }, 'ana@example.com', /delivery report/],
    [{}, 'Support@Example.com', /this support address/],
  ])('drops %j from %s', (given, sender, reason) => {
    expect(automatedMailReason(headers(given), sender, 'support@example.com')).toMatch(reason);
  });
});
