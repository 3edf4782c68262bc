import { WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';
import { QueueName } from '@smartdesk/contracts';
import { workerOptions } from '@smartdesk/runtime';

/** The queue's worker options, taking jobs as soon as the app is up (these queues need no models loaded first). */
export function autorunOptions(queue: QueueName): Omit<WorkerOptions, 'connection'> {
  return { ...workerOptions(queue), autorun: true };
}

/**
 * A processor of the escalation worker's side queues (SLA checkpoints, notifications). runWorker drives the
 * escalation stage; these run beside it in the same process and drain with it on SIGTERM (app.close()).
 */
export abstract class AutorunProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);

  onApplicationBootstrap(): void | Promise<void> {
    this.worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
  }
}
