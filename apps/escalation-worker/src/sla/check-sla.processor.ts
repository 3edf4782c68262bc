import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, queueJobOptions, QueueName, SlaCheckJobData, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketStageStore, transactionAs } from '@smartdesk/database';
import { Clock, LiveEvents, SlaAlert, SlaScheduler, SlaService } from '@smartdesk/operations';
import { JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';

const METRIC_NAMES = { first_response: 'First response', resolution: 'Resolution' } as const;
const ALERT_TEXT: Record<SlaAlert, string> = { 'at-risk': 'at risk', breached: 'breached' };

/**
 * Runs an SLA clock's checkpoint when its delayed job comes due: records at-risk and breached on the
 * timeline, schedules the next checkpoint, and has the ticket's escalation re-evaluated, so that an at-risk
 * ticket is escalated before it breaches. A job from an older generation of the clock does nothing.
 */
@Processor(QueueName.Sla, workerOptions(QueueName.Sla))
export class CheckSlaProcessor extends QueueProcessor<typeof QueueName.Sla> {
  private readonly logger = new Logger(CheckSlaProcessor.name);
  readonly queue = QueueName.Sla;
  protected readonly handlers: JobHandlers<typeof QueueName.Sla> = {
    [JobName.CheckSla]: (data) => this.check(data),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaService,
    private readonly scheduler: SlaScheduler,
    private readonly clock: Clock,
    private readonly store: TicketStageStore,
    @InjectQueue(QueueName.Escalation) private readonly escalation: Queue<TicketJobData>,
    private readonly live: LiveEvents,
  ) {
    super();
  }

  /** Re-schedules every pending checkpoint (same job ids: nothing doubles), in case one was lost while Redis was away. */
  override async prepare(): Promise<void> {
    let pending = 0;
    for await (const page of this.sla.pendingCheckpoints(this.dataSource.manager)) {
      await this.scheduler.schedule(page);
      pending += page.length;
    }
    if (pending) this.logger.log(`${pending} SLA checkpoint(s) in the queue`);
  }

  private async check({ ticketId, metric, generation }: SlaCheckJobData): Promise<{ stale: boolean; alerts: SlaAlert[] }> {
    const now = this.clock.now();
    const checked = await transactionAs(this.dataSource, { id: null, label: 'worker:sla' }, async (manager) => {
      const result = await this.sla.check(manager, ticketId, metric, generation, now);
      for (const alert of result?.alerts ?? []) {
        const { clock } = result!;
        await this.store.appendEvent(
          {
            ticketId,
            stage: Stage.Sla,
            type: `sla-${alert}`,
            summary: `${METRIC_NAMES[metric]} SLA ${ALERT_TEXT[alert]} (${clock.policy} target ${Math.round(clock.targetMs / 60_000)} business minutes)`,
            data: { metric, policy: clock.policy, targetMs: clock.targetMs, dueAt: clock.dueAt },
            dedupeKey: `${ticketId}.sla.${metric}.${alert}.g${generation}`,
          },
          manager,
        );
      }
      return result;
    });
    if (!checked) return { stale: true, alerts: [] };
    await this.scheduler.schedule([checked.clock]);
    if (checked.alerts.length) {
      await this.reevaluateEscalation(ticketId, `sla-${metric}-g${generation}`);
      await this.live.ticketChanged(ticketId, `sla-${checked.alerts.at(-1)}`, true);
    }
    return { stale: false, alerts: checked.alerts };
  }

  private async reevaluateEscalation(ticketId: string, cause: string): Promise<void> {
    const [ticket]: { revision: number }[] = await this.dataSource.query(`SELECT revision FROM tickets WHERE id = $1`, [ticketId]);
    if (!ticket) return;
    await this.escalation.add(
      JobName.EvaluateEscalation,
      { v: 1, ticketId, revision: ticket.revision },
      { ...queueJobOptions(QueueName.Escalation), jobId: `${ticketId}.${JobName.EvaluateEscalation}.${cause}` },
    );
  }
}
