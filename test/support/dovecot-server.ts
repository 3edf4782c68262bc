import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

const DOVECOT = '/usr/sbin/dovecot';

/**
 * A real IMAP server for a suite: Debian's Dovecot in the foreground, on a spare loopback port, with its own
 * config, maildirs and passwd-file users in a temp dir (plaintext login, no TLS: loopback only).
 */
export class DovecotServer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'smartdesk-dovecot-'));
  private process?: ChildProcess;
  port = 0;

  constructor(private readonly users: Record<string, string>) {}

  static available(): boolean {
    return spawnSync(DOVECOT, ['--version'], { timeout: 5000 }).status === 0;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const dir = this.dir;
    // Dovecot never runs a mailbox as root: as root, mail belongs to `nobody` (maildirs open to it).
    const [uid, gid] = process.getuid!() === 0 ? [65534, 65534] : [process.getuid!(), process.getgid!()];
    for (const sub of ['mail', 'home']) mkdirSync(join(dir, sub), { mode: 0o777 });
    chmodSync(dir, 0o755);
    for (const sub of ['mail', 'home']) chmodSync(join(dir, sub), 0o777);
    writeFileSync(
      join(dir, 'passwd'),
      Object.entries(this.users)
        .map(([user, password]) => `${user}:{PLAIN}${password}\n`)
        .join(''),
    );
    writeFileSync(
      join(dir, 'dovecot.conf'),
      `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
    );
    this.process = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    const [user, password] = Object.entries(this.users)[0];
    await waitFor(
      async () => {
        if (this.process?.exitCode !== null) throw new Error(`dovecot exited with ${this.process?.exitCode}`);
        const client = this.client(user, password);
        await client.connect();
        await client.logout();
        return true;
      },
      15_000,
      'dovecot to accept a login',
    );
  }

  /** The MAIL_IMAP_URL of a user's INBOX. */
  url(user: string): string {
    return `imap://${encodeURIComponent(user)}:${encodeURIComponent(this.users[user])}@127.0.0.1:${this.port}/INBOX`;
  }

  client(user: string, password = this.users[user]): ImapFlow {
    return new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user, pass: password }, logger: false });
  }

  /** Delivers a raw message into a user's INBOX (IMAP APPEND), unseen. */
  async deliver(user: string, raw: string): Promise<void> {
    const client = this.client(user);
    await client.connect();
    try {
      await client.append('INBOX', raw);
    } finally {
      await client.logout();
    }
  }

  /** The flags of every message in a user's INBOX. */
  async flags(user: string): Promise<string[][]> {
    const client = this.client(user);
    await client.connect();
    try {
      await client.mailboxOpen('INBOX');
      const all: string[][] = [];
      for await (const message of client.fetch('1:*', { flags: true })) all.push([...(message.flags ?? [])]);
      return all;
    } catch {
      return [];
    } finally {
      await client.logout();
    }
  }

  async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process!.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
