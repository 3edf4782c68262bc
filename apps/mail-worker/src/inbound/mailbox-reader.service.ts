import { Injectable, Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '@smartdesk/channels';

/** Mail read per job; the rest waits for the next run (a big backlog does not hold one job for long). */
const BATCH = 50;

/**
 * Reads the unseen mail of one IMAP mailbox and marks each message seen once it is handled. A crash between
 * the two leaves the message unseen: the next run reads it again and the unique Message-ID stores it once.
 */
@Injectable()
export class MailboxReader {
  private readonly logger = new Logger(MailboxReader.name);

  async readUnseen(mailbox: MailboxConfig, handle: (source: Buffer) => Promise<void>): Promise<{ read: number; failed: number }> {
    const client = new ImapFlow({ host: mailbox.host, port: mailbox.port, secure: mailbox.secure, auth: { user: mailbox.user, pass: mailbox.password }, logger: false });
    await client.connect();
    let read = 0;
    let failed = 0;
    try {
      const lock = await client.getMailboxLock(mailbox.folder);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids.slice(0, BATCH)) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await handle(message.source);
          } catch (error) {
            // Left unseen: tried again on the next run; the other messages go on.
            failed++;
            this.logger.warn(`${mailbox.key}: message uid ${uid} not stored: ${(error as Error).message}`);
            continue;
          }
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          read++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return { read, failed };
  }
}
