import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, NotificationJobData, QueueName } from '@smartdesk/contracts';
import { NotificationEntity } from '@smartdesk/database';
import { JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';
import { DeliveryError, NotificationSender } from './notification-sender.service';

/**
 * Delivers one notification. A failure is recorded on the row and thrown, so BullMQ retries it with
 * exponential backoff (WORKER_SETTINGS); after the last attempt, or a refusal retrying cannot fix, the row is `failed`.
 */
@Processor(QueueName.Notifications, workerOptions(QueueName.Notifications))
export class DeliverNotificationProcessor extends QueueProcessor<typeof QueueName.Notifications> {
  private readonly logger = new Logger(DeliverNotificationProcessor.name);
  readonly queue = QueueName.Notifications;
  protected readonly handlers: JobHandlers<typeof QueueName.Notifications> = {
    [JobName.DeliverNotification]: (data, job) => this.deliver(data, job),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: NotificationSender,
  ) {
    super();
  }

  private async deliver({ notificationId }: NotificationJobData, job: Job): Promise<{ status: number | null }> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    const notification = await repository.findOneBy({ id: notificationId });
    if (!notification) throw new UnrecoverableError(`notification ${notificationId} does not exist`);
    if (notification.status !== 'pending') return { status: notification.responseStatus };
    await repository.increment({ id: notification.id }, 'attempts', 1);
    try {
      const status = await this.sender.deliver(notification);
      await repository.update({ id: notification.id }, { status: 'delivered', responseStatus: status, deliveredAt: new Date(), lastError: null });
      return { status };
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError((error as Error).message, null, true);
      const last = !failure.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await repository.update({ id: notification.id }, { status: last ? 'failed' : 'pending', responseStatus: failure.status, lastError: failure.message });
      if (last) this.logger.warn(`notification ${notification.id} (${notification.channel} ${notification.target}) failed for good: ${failure.message}`);
      throw failure.retryable ? failure : new UnrecoverableError(failure.message);
    }
  }
}
