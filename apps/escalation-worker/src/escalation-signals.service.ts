import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategorizationResult, ResponseSuggestion, SentimentStageResult, SlaMetric, Stage } from '@smartdesk/contracts';
import { MicroBatcher } from '@smartdesk/batching';
import type { TicketEntity } from '@smartdesk/database';
import type { EscalationRules } from './escalation-config';
import type { EscalationInput } from './escalation-rules';

export const ESCALATION_RULES = Symbol('ESCALATION_RULES');

interface SignalsRow {
  results: Record<string, unknown>;
  response: ResponseSuggestion | null;
  failed_stages: string[];
  customer_tier: string | null;
  recent_contacts: number;
  clocks: { metric: SlaMetric; running: boolean; atRisk: boolean; breached: boolean }[];
}

/**
 * Everything the escalation rules look at, for a batch of tickets, in one statement: a round trip per
 * signal and ticket would cost more than the rules themselves.
 */
const SIGNALS = `
  SELECT
    t.id,
    (SELECT coalesce(jsonb_object_agg(stage, result), '{}') FROM ticket_stage_results WHERE ticket_id = t.id) AS results,
    (SELECT jsonb_build_object('body', body, 'language', language, 'confidence', confidence, 'source', source, 'needsHuman', needs_human, 'sources', sources)
       FROM ticket_responses WHERE ticket_id = t.id ORDER BY revision DESC LIMIT 1) AS response,
    ARRAY(SELECT DISTINCT stage FROM ticket_events WHERE ticket_id = t.id AND type = 'stage.failed') AS failed_stages,
    (SELECT tier FROM users WHERE id = t.customer_id) AS customer_tier,
    -- The customer's other tickets in the days before this one (by email: anonymous tickets count too).
    (SELECT count(*)::int FROM tickets o
      WHERE lower(o.customer_email) = lower(t.customer_email) AND o.id <> t.id AND o.created_at <= t.created_at
        AND o.created_at > t.created_at - make_interval(days => $5)) AS recent_contacts,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('metric', metric, 'running', running_since IS NOT NULL, 'atRisk', at_risk_at IS NOT NULL, 'breached', breached_at IS NOT NULL)), '[]')
       FROM sla_clocks WHERE ticket_id = t.id) AS clocks
  FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS t(id, customer_id, customer_email, created_at)`;

@Injectable()
export class EscalationSignals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ESCALATION_RULES) private readonly rules: EscalationRules,
  ) {}

  private readonly batch = new MicroBatcher<TicketEntity, SignalsRow>((tickets) => this.read(tickets), { maxBatch: 64, maxInFlight: 2 });

  async of(ticket: TicketEntity): Promise<EscalationInput> {
    const row = await this.batch.submit(ticket);
    const running = row.clocks.filter((clock) => clock.running);
    const metrics = (clocks: SignalsRow['clocks']): SlaMetric[] => clocks.map((clock) => clock.metric).sort();
    return {
      text: `${ticket.subject}\n${ticket.description}`,
      categorization: row.results[Stage.Categorization] as CategorizationResult | undefined,
      sentiment: row.results[Stage.Sentiment] as SentimentStageResult | undefined,
      response: row.response ?? undefined,
      failedStages: row.failed_stages,
      customerTier: row.customer_tier,
      recentContacts: row.recent_contacts,
      sla: { atRisk: metrics(running.filter((clock) => clock.atRisk)), breached: metrics(running.filter((clock) => clock.breached)) },
    };
  }

  private async read(tickets: TicketEntity[]): Promise<SignalsRow[]> {
    const rows: (SignalsRow & { id: string })[] = await this.dataSource.query(SIGNALS, [
      tickets.map((ticket) => ticket.id),
      tickets.map((ticket) => ticket.customerId),
      tickets.map((ticket) => ticket.customerEmail),
      tickets.map((ticket) => ticket.createdAt),
      this.rules['repeat-contact'].days,
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return tickets.map((ticket) => byId.get(ticket.id)!);
  }
}
