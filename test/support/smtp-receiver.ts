import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP reply the receiver gives instead of accepting: 4xx (try later) or 5xx (refused for good). */
export interface Refusal {
  code: number;
  message: string;
}

/** A tiny SMTP server on loopback that keeps what it is sent (no TLS, no authentication). */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  /** Refusals given, in order, to the next mails to each recipient (then it accepts again). */
  private readonly refusals = new Map<string, Refusal[]>();
  /** Every attempt, refused or not, per recipient. */
  readonly attempts = new Map<string, number>();
  private readonly server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        for (const address of to) this.attempts.set(address, (this.attempts.get(address) ?? 0) + 1);
        const refusal = to.map((address) => this.refusals.get(address)?.shift()).find(Boolean);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        this.received.push({ from: (session.envelope.mailFrom as { address: string }).address, to, raw });
        callback();
      });
    },
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as { port: number }).port}`;
  }

  /** Refuses the next mails to `address` with these replies, one per attempt. */
  refuse(address: string, ...refusals: Refusal[]): void {
    this.refusals.set(address, refusals);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
