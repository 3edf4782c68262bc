import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, queueJobOptions, QueueName, SlaCheckJobData, SlaMetric } from '@smartdesk/contracts';
import { Clock } from '../clock/clock';
import { SlaClock, SlaService } from './sla.service';

/** The job id of a clock's checkpoint in one generation: re-adding it is a no-op, and a new generation is a new job. */
export function slaCheckJobId(ticketId: string, metric: SlaMetric, generation: number): string {
  return `${ticketId}.${JobName.CheckSla}.${metric}.g${generation}`;
}

/**
 * Turns clock changes into delayed BullMQ jobs: each running clock has one job at its next checkpoint
 * (at risk, then breach). Nothing polls: a pause drops the pending job, a resume schedules a new one.
 */
@Injectable()
export class SlaScheduler {
  constructor(
    @InjectQueue(QueueName.Sla) private readonly queue: Queue,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  async schedule(clocks: SlaClock[]): Promise<void> {
    // The job of a clock's previous generation is stale now (it would do nothing); drop it if it is still waiting.
    const stale = clocks.filter((clock) => clock.generation > 1).map((clock) => slaCheckJobId(clock.ticketId, clock.metric, clock.generation - 1));
    await Promise.all(stale.map((jobId) => this.queue.remove(jobId)));
    const checkpoints = [];
    for (const clock of clocks) {
      const checkpoint = this.sla.rules.nextCheckpoint(clock);
      if (!checkpoint) continue;
      const data: SlaCheckJobData = { v: 1, ticketId: clock.ticketId, metric: clock.metric, generation: clock.generation };
      checkpoints.push({
        name: JobName.CheckSla,
        data,
        opts: { ...queueJobOptions(QueueName.Sla), jobId: slaCheckJobId(clock.ticketId, clock.metric, clock.generation), delay: this.clock.msUntil(checkpoint.at) },
      });
    }
    if (checkpoints.length > 0) await this.queue.addBulk(checkpoints);
  }
}
