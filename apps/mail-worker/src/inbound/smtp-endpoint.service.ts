import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { Environment } from '@smartdesk/config';
import { InboundMail } from './inbound-mail.service';

/** Largest forwarded mail accepted (the text and every attachment, encoded). */
const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * An SMTP endpoint for teams that forward support mail rather than have a mailbox read: mail to MAIL_FROM goes
 * through the same path as mail read by IMAP, and is acknowledged (250) only once stored, so a sender whose
 * mail could not be stored gets a temporary failure (451) and tries again. Mail to any other address is refused:
 * it is not a relay.
 */
@Injectable()
export class SmtpEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SmtpEndpoint.name);
  private server?: SMTPServer;

  constructor(
    private readonly env: Environment,
    private readonly inbound: InboundMail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.MAIL_SMTP_LISTEN_PORT) return;
    const address = this.env.MAIL_FROM!.toLowerCase();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onRcptTo: (recipient, _session, callback) => (recipient.address.toLowerCase() === address ? callback() : callback(smtpError(550, `no mailbox ${recipient.address} here`))),
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded) return callback(smtpError(552, `message larger than ${MAX_MESSAGE_BYTES} bytes`));
          this.inbound.receive(Buffer.concat(chunks), 'smtp').then(
            () => callback(),
            (error: Error) => {
              this.logger.warn(`forwarded mail not stored: ${error.message}`);
              callback(smtpError(451, 'not stored, try again later'));
            },
          );
        });
      },
    });
    this.server.on('error', (error) => this.logger.error(`SMTP endpoint: ${error.message}`));
    await new Promise<void>((resolve) => this.server!.listen(this.env.MAIL_SMTP_LISTEN_PORT, this.env.MAIL_SMTP_LISTEN_HOST, resolve));
    this.logger.log(`SMTP endpoint for ${address} on ${this.env.MAIL_SMTP_LISTEN_HOST}:${this.env.MAIL_SMTP_LISTEN_PORT}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
