import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategorizationResult, ResponseSuggestion, SentimentStageResult, SlaMetric, Stage } from '@smartdesk/contracts';
import { SlaClockEntity, TicketEntity, TicketEventEntity, TicketResponseEntity, TicketStageStore } from '@smartdesk/database';
import type { EscalationRules } from './escalation-config';
import type { EscalationInput } from './escalation-rules';

export const ESCALATION_RULES = Symbol('ESCALATION_RULES');

/** Everything the escalation rules look at for one ticket, read from Postgres. */
@Injectable()
export class EscalationSignals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TicketStageStore,
    @Inject(ESCALATION_RULES) private readonly rules: EscalationRules,
  ) {}

  async of(ticket: TicketEntity): Promise<EscalationInput> {
    const [results, response, failures, customerTier, recentContacts, clocks] = await Promise.all([
      this.store.stageResults(ticket.id),
      this.dataSource.getRepository(TicketResponseEntity).findOne({ where: { ticketId: ticket.id }, order: { revision: 'DESC' } }),
      this.dataSource.getRepository(TicketEventEntity).findBy({ ticketId: ticket.id, type: 'stage.failed' }),
      this.customerTier(ticket.customerId),
      this.recentContacts(ticket),
      this.dataSource.getRepository(SlaClockEntity).findBy({ ticketId: ticket.id }),
    ]);
    const running = clocks.filter((clock) => clock.runningSince !== null);
    const metrics = (list: SlaClockEntity[]): SlaMetric[] => list.map((clock) => clock.metric).sort();
    return {
      text: `${ticket.subject}\n${ticket.description}`,
      categorization: results.get(Stage.Categorization)?.result as CategorizationResult | undefined,
      sentiment: results.get(Stage.Sentiment)?.result as SentimentStageResult | undefined,
      response: (response ?? undefined) as ResponseSuggestion | undefined,
      failedStages: [...new Set(failures.map((failure) => failure.stage))],
      customerTier,
      recentContacts,
      sla: { atRisk: metrics(running.filter((clock) => clock.atRiskAt)), breached: metrics(running.filter((clock) => clock.breachedAt)) },
    };
  }

  private async customerTier(customerId: string | null): Promise<string | null> {
    if (!customerId) return null;
    const [row]: { tier: string }[] = await this.dataSource.query(`SELECT tier FROM users WHERE id = $1`, [customerId]);
    return row?.tier ?? null;
  }

  /** The customer's other tickets in the days before this one (by email: anonymous tickets count too). */
  private async recentContacts(ticket: TicketEntity): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM tickets
        WHERE lower(customer_email) = lower($1) AND id <> $2 AND created_at <= $3 AND created_at > $3::timestamptz - make_interval(days => $4)`,
      [ticket.customerEmail, ticket.id, ticket.createdAt, this.rules['repeat-contact'].days],
    );
    return row.n;
  }
}
