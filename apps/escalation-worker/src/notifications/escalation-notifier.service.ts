import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobName, NotificationJobData, queueJobOptions, QueueName } from '@smartdesk/contracts';
import { NotificationEntity } from '@smartdesk/database';
import type { NoticeDraft } from './escalation-notices';

/** Stores notices with the escalation that caused them, then hands the undelivered ones to the notifications queue. */
@Injectable()
export class EscalationNotifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  /** Inside the escalation's transaction; a notice already stored (same key) is kept as it is. */
  async store(manager: EntityManager, notices: NoticeDraft[]): Promise<void> {
    if (notices.length)
      await manager
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values(notices as QueryDeepPartialEntity<NotificationEntity>[])
        .orIgnore()
        .execute();
  }

  /**
   * After commit. Looks the notices up by key rather than trusting the insert: a retried escalation job
   * inserts nothing new but must still queue what its first attempt stored and could not queue.
   */
  async enqueue(notices: NoticeDraft[]): Promise<void> {
    if (notices.length === 0) return;
    const pending = await this.dataSource.getRepository(NotificationEntity).find({ select: { id: true }, where: { dedupeKey: In(notices.map((notice) => notice.dedupeKey)), status: 'pending' } });
    await this.queue.addBulk(
      pending.map(({ id }) => ({
        name: JobName.DeliverNotification,
        data: { v: 1, notificationId: id } satisfies NotificationJobData,
        opts: { ...queueJobOptions(QueueName.Notifications), jobId: `${JobName.DeliverNotification}.${id}` },
      })),
    );
  }
}
