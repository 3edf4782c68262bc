import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { configuredMailboxes, MailboxConfig } from '@smartdesk/channels';
import { Environment } from '@smartdesk/config';
import { FetchMailboxData, JobName, mailboxSchedulerId, queueJobOptions, QueueName, SendMailData } from '@smartdesk/contracts';
import { JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';
import { InboundMail } from './inbound/inbound-mail.service';
import { MailboxReader } from './inbound/mailbox-reader.service';
import { MailSender } from './outbound/mail-sender.service';

/**
 * The email channel's queue. Each configured mailbox is read by a repeatable job (a BullMQ job scheduler, one per
 * mailbox, shared by every replica: one read per interval however many mail workers run), and each stored
 * outbound mail is sent by its own job. With no mailbox and no SMTP server configured the worker just idles.
 */
@Processor(QueueName.Mail, workerOptions(QueueName.Mail))
export class MailProcessor extends QueueProcessor<typeof QueueName.Mail> {
  private readonly logger = new Logger(MailProcessor.name);
  readonly queue = QueueName.Mail;
  protected readonly handlers: JobHandlers<typeof QueueName.Mail> = {
    [JobName.FetchMailbox]: (data) => this.fetch(data),
    [JobName.SendMail]: (data, job) => this.send(data, job),
  };
  private readonly mailboxes: Map<string, MailboxConfig>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
    private readonly env: Environment,
    private readonly reader: MailboxReader,
    private readonly inbound: InboundMail,
    private readonly sender: MailSender,
  ) {
    super();
    this.mailboxes = new Map(configuredMailboxes(env).map((mailbox) => [mailbox.key, mailbox]));
  }

  /** Schedules a read of every configured mailbox, and drops the schedules of mailboxes no longer configured. */
  override async prepare(): Promise<void> {
    const wanted = new Set([...this.mailboxes.keys()].map((mailbox) => mailboxSchedulerId({ mailbox })));
    for (const scheduler of await this.mailQueue.getJobSchedulers()) {
      if (scheduler.key && !wanted.has(scheduler.key)) await this.mailQueue.removeJobScheduler(scheduler.key);
    }
    for (const mailbox of this.mailboxes.keys()) {
      const data: FetchMailboxData = { v: 1, mailbox };
      await this.mailQueue.upsertJobScheduler(mailboxSchedulerId(data), { every: this.env.MAIL_POLL_MS }, { name: JobName.FetchMailbox, data, opts: queueJobOptions(QueueName.Mail) });
    }
    if (this.mailboxes.size === 0) this.logger.log('no mailbox configured (MAIL_IMAP_URL): inbound mail is off');
    else this.logger.log(`reading ${this.mailboxes.size} mailbox(es) every ${this.env.MAIL_POLL_MS} ms: ${[...this.mailboxes.keys()].join(', ')}`);
    if (!this.env.MAIL_SMTP_URL) this.logger.log('no SMTP server configured (MAIL_SMTP_URL): customers get no mail');
  }

  private async fetch({ mailbox }: FetchMailboxData) {
    const config = this.mailboxes.get(mailbox);
    // A schedule left by a deploy that had this mailbox: nothing to do.
    if (!config) return { skipped: `mailbox ${mailbox} is not configured here` };
    const outcomes: Record<string, number> = {};
    const counts = await this.exclusively(`mailbox:${mailbox}`, () =>
      this.reader.readUnseen(config, async (source) => {
        const { outcome } = await this.inbound.receive(source, mailbox);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
    );
    return counts ? { ...counts, ...outcomes } : { skipped: 'another mail worker is reading this mailbox' };
  }

  /**
   * Runs `work` unless another process holds the key (a Postgres advisory lock on one connection). A read that
   * outlasts the interval would otherwise overlap the next one on another replica; the unique Message-ID would
   * still store each mail once, but the mailbox would be read twice for nothing.
   */
  private async exclusively<T>(key: string, work: () => Promise<T>): Promise<T | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [key]);
      if (!locked) return null;
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
      }
    } finally {
      await runner.release();
    }
  }

  private async send({ mailId }: SendMailData, job: Job) {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return { outcome: await this.sender.send(mailId, finalAttempt) };
  }
}
