import type { Environment } from '@smartdesk/config';

/** One support mailbox to read. `key` names it in jobs and logs; it never carries the password. */
export interface MailboxConfig {
  key: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
}

/** The mailboxes of MAIL_IMAP_URL; credentials from the URL, else from MAIL_IMAP_USER and MAIL_IMAP_PASSWORD. */
export function configuredMailboxes(env: Pick<Environment, 'MAIL_IMAP_URL' | 'MAIL_IMAP_USER' | 'MAIL_IMAP_PASSWORD'>): MailboxConfig[] {
  return (env.MAIL_IMAP_URL ?? []).map((raw) => {
    const url = new URL(raw);
    const secure = url.protocol === 'imaps:';
    const user = url.username ? decodeURIComponent(url.username) : (env.MAIL_IMAP_USER ?? '');
    const password = url.password ? decodeURIComponent(url.password) : (env.MAIL_IMAP_PASSWORD ?? '');
    const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
    const port = Number(url.port || (secure ? 993 : 143));
    // BullMQ ids may not hold ':'.
    return { key: `${user}@${url.hostname}.${port}/${folder}`.replace(/:/g, '_'), host: url.hostname, port, secure, user, password, folder };
  });
}
