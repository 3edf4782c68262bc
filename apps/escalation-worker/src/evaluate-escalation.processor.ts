import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { JobName, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketEntity, TicketStageStore } from '@smartdesk/database';
import { Clock, RoutingDecision, routingPatch, SlaClock, TicketEffects } from '@smartdesk/operations';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import type { EscalationRules } from './escalation-config';
import { decideEscalation } from './escalation-rules';
import { ESCALATION_RULES, EscalationSignals } from './escalation-signals.service';
import { escalationNotices, NoticeDraft } from './notifications/escalation-notices';
import { EscalationNotifier } from './notifications/escalation-notifier.service';

/**
 * Runs after every other stage of a revision (BullMQ flow parent), and again when an SLA clock becomes at
 * risk or breaches. Decides whether a human must step in; then, the ticket being triaged, routes it, sets its
 * SLA clocks to its priority, and notifies the receivers of an escalation.
 */
@Processor(QueueName.Escalation, workerOptions(QueueName.Escalation))
export class EvaluateEscalationProcessor extends StageProcessor<typeof QueueName.Escalation> {
  readonly queue = QueueName.Escalation;
  readonly stage = Stage.Escalation;
  protected readonly handlers: JobHandlers<typeof QueueName.Escalation> = {
    [JobName.EvaluateEscalation]: (data, job) => this.evaluate(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly signals: EscalationSignals,
    @Inject(ESCALATION_RULES) private readonly rules: EscalationRules,
    private readonly env: Environment,
    private readonly clock: Clock,
    private readonly effects: TicketEffects,
    private readonly notifier: EscalationNotifier,
  ) {
    super();
  }

  private async evaluate(data: TicketJobData, job: Job): Promise<{ escalate: boolean }> {
    const now = this.clock.now();
    const { work, written } = await this.runStage(data, job, async (ticket) => {
      const decision = decideEscalation(await this.signals.of(ticket), this.rules);
      const ticketPatch: Partial<TicketEntity> = { escalated: decision.escalate, escalationLevel: decision.level };
      if (ticket.status === 'new') Object.assign(ticketPatch, { status: 'triaged', triagedAt: now });
      return {
        result: decision,
        ticketPatch,
        event: {
          type: decision.escalate ? 'escalated' : 'not-escalated',
          summary: decision.escalate ? `Escalated to level ${decision.level}: ${decision.reasons.map((reason) => reason.detail).join('; ')}` : 'No escalation needed',
          data: { level: decision.level, reasons: decision.reasons.map((reason) => reason.rule) },
        },
        effect: {
          kind: 'escalation',
          item: { ticket, notices: escalationNotices(ticket, decision, this.env, now) },
          write: (manager: EntityManager, items: EscalationEffect[]) => this.writeEffects(manager, items, now),
          patch: ({ routing }: EscalationWritten) => (routing ? routingPatch(routing) : {}),
        },
      };
    });
    const escalate = work.result.escalate;
    const routing = written?.routing;
    await this.notifier.enqueue(work.effect?.item.notices ?? []);
    await this.effects.afterCommit({
      clocks: written?.clocks,
      announce: [
        { ticketId: data.ticketId, events: [escalate ? 'escalated' : 'triaged'] },
        { ticketId: data.ticketId, events: routing ? [routing.assignment ? 'assigned' : 'routed'] : [] },
      ],
      failures: 'throw',
    });
    return { escalate };
  }

  /**
   * For the escalations committed together: the triaged tickets are routed (their team and agent written with
   * the triage, one row change per ticket); triage set the priorities, so the SLA clocks (started at intake on
   * the default policy) take their targets; and the notices are stored. Routing goes first: it locks the
   * tickets, then their teams, the order every routing transaction takes.
   */
  private async writeEffects(manager: EntityManager, effects: EscalationEffect[], now: Date): Promise<EscalationWritten[]> {
    const decisions = await this.effects.routeWithin(
      manager,
      effects.map(({ ticket }) => ticket.id),
    );
    const routed = new Map(decisions.map((decision) => [decision.ticketId, decision]));
    const clocks = await this.effects.retargetClocks(
      manager,
      effects.map(({ ticket }) => ({ ticketId: ticket.id, priority: ticket.priority, openedAt: ticket.createdAt })),
      now,
    );
    await this.notifier.store(
      manager,
      effects.flatMap((effect) => effect.notices),
    );
    return effects.map(({ ticket }, index) => ({ clocks: clocks[index], routing: routed.get(ticket.id) }));
  }
}

interface EscalationEffect {
  ticket: TicketEntity;
  notices: NoticeDraft[];
}

/** Per ticket: its clocks that changed, and what routing gave it. */
interface EscalationWritten {
  clocks: SlaClock[];
  routing?: RoutingDecision;
}
