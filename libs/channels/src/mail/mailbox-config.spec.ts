import { configuredMailboxes } from './mailbox-config';

describe('configuredMailboxes', () => {
  it('reads each URL, with credentials from the URL or the shared variables', () => {
    const [first, second] = configuredMailboxes({
      MAIL_IMAP_URL: ['imaps://support%40example.com:p%40ss@imap.example.com/Support', 'imap://imap.example.com:1143'],
      MAIL_IMAP_USER: 'shared@example.com',
      MAIL_IMAP_PASSWORD: 'shared-secret',
    });
    expect(first).toEqual({
      key: 'support@example.com@imap.example.com.993/Support',
      host: 'imap.example.com',
      port: 993,
      secure: true,
      user: 'support@example.com',
      password: 'p@ss',
      folder: 'Support',
    });
    expect(second).toMatchObject({ port: 1143, secure: false, user: 'shared@example.com', password: 'shared-secret', folder: 'INBOX' });
    expect(JSON.stringify([first.key, second.key])).not.toContain('secret');
  });
});
