import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { CategorizationResult, JobName, QueueName, ResponseSuggestion, SentimentStageResult, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketEntity, TicketEventEntity, TicketResponseEntity, TicketStageStore } from '@smartdesk/database';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import { decideEscalation } from './escalation-rules';

/** Runs after every other stage of a revision (BullMQ flow parent) and decides whether a human must step in. */
@Processor(QueueName.Escalation, workerOptions(QueueName.Escalation))
export class EvaluateEscalationProcessor extends StageProcessor<typeof QueueName.Escalation> {
  readonly queue = QueueName.Escalation;
  readonly stage = Stage.Escalation;
  protected readonly handlers: JobHandlers<typeof QueueName.Escalation> = {
    [JobName.EvaluateEscalation]: (data, job) => this.evaluate(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  private async evaluate({ ticketId, revision }: TicketJobData, job: Job): Promise<{ escalate: boolean }> {
    const ticket = await this.ticketOrFail(ticketId);
    const started = performance.now();
    const [results, response, failures] = await Promise.all([
      this.store.stageResults(ticketId),
      this.dataSource.getRepository(TicketResponseEntity).findOne({ where: { ticketId }, order: { revision: 'DESC' } }),
      this.dataSource.getRepository(TicketEventEntity).findBy({ ticketId, type: 'stage.failed' }),
    ]);
    const decision = decideEscalation({
      text: `${ticket.subject}\n${ticket.description}`,
      categorization: results.get(Stage.Categorization)?.result as CategorizationResult | undefined,
      sentiment: results.get(Stage.Sentiment)?.result as SentimentStageResult | undefined,
      response: (response ?? undefined) as ResponseSuggestion | undefined,
      failedStages: [...new Set(failures.map((failure) => failure.stage))],
    });
    const ticketPatch: Partial<TicketEntity> = { escalated: decision.escalate, escalationLevel: decision.level };
    if (ticket.status === 'new') Object.assign(ticketPatch, { status: 'triaged', triagedAt: new Date() });
    await this.store.saveStageOutcome({
      ticketId,
      stage: this.stage,
      revision,
      result: decision,
      durationMs: performance.now() - started,
      ticketPatch,
      event: {
        type: decision.escalate ? 'escalated' : 'not-escalated',
        summary: decision.escalate
          ? `Escalated to level ${decision.level}: ${decision.reasons.map((reason) => reason.detail).join('; ')}`
          : 'No escalation needed',
        data: { level: decision.level, reasons: decision.reasons.map((reason) => reason.rule) },
        dedupeKey: String(job.id),
      },
    });
    return { escalate: decision.escalate };
  }
}
