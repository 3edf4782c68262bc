import type { PoolClient } from 'pg';
import type { VolumeTicket } from './volume-generator';

/** One multi-row INSERT per table: each column travels as one array parameter, unnested server side. */
async function insertColumns(client: PoolClient, table: string, columns: [name: string, type: string, values: unknown[]][]): Promise<void> {
  if (columns[0][2].length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(
    `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
    columns.map(([, , values]) => values),
  );
}

/** Whether a stopped clock was met (the fact the gateway writes when it stops); null while it runs. */
const met = (ticket: VolumeTicket, metric: string) => {
  const clock = ticket.clocks.find((candidate) => candidate.metric === metric)!;
  return clock.stoppedAt ? clock.breachedAt === null : null;
};

/** Writes one batch of generated tickets with their SLA clocks, suggestions, replies and ratings, in the caller's transaction. */
export async function writeVolumeBatch(client: PoolClient, tickets: VolumeTicket[], responseIds: string[]): Promise<void> {
  const col = <T>(pick: (ticket: VolumeTicket) => T) => tickets.map(pick);
  await insertColumns(client, 'tickets', [
    ['id', 'uuid', col((t) => t.id)],
    ['customer_name', 'text', col((t) => t.customerName)],
    ['customer_email', 'text', col((t) => t.customerEmail)],
    ['subject', 'text', col((t) => t.subject)],
    ['description', 'text', col((t) => t.description)],
    ['channel', 'text', col((t) => t.channel)],
    ['status', 'text', col((t) => t.status)],
    ['category', 'text', col((t) => t.category)],
    ['category_confidence', 'real', col((t) => t.categoryConfidence)],
    ['priority', 'text', col((t) => t.priority)],
    ['sentiment_label', 'text', col((t) => t.sentimentLabel)],
    ['sentiment_score', 'real', col((t) => t.sentimentScore)],
    ['language', 'text', col((t) => t.language)],
    ['escalated', 'boolean', col((t) => t.escalated)],
    ['escalation_level', 'smallint', col((t) => t.escalationLevel)],
    ['team_id', 'uuid', col((t) => t.teamId)],
    ['assignee_id', 'uuid', col((t) => t.assigneeId)],
    ['created_at', 'timestamptz', col((t) => t.createdAt)],
    ['updated_at', 'timestamptz', col((t) => t.closedAt ?? t.resolvedAt ?? t.firstResponseAt ?? t.triagedAt)],
    ['triaged_at', 'timestamptz', col((t) => t.triagedAt)],
    ['first_response_at', 'timestamptz', col((t) => t.firstResponseAt)],
    ['sla_first_response_met', 'boolean', col((t) => met(t, 'first_response'))],
    ['sla_resolution_met', 'boolean', col((t) => met(t, 'resolution'))],
    ['suggestion_use', 'text', col((t) => (t.suggestion && t.firstResponseAt ? (t.suggestion.used ?? 'ignored') : null))],
    ['rating', 'smallint', col((t) => t.rating)],
    ['resolved_at', 'timestamptz', col((t) => t.resolvedAt)],
    ['resolved_by', 'text', col((t) => t.resolvedBy)],
    ['closed_at', 'timestamptz', col((t) => t.closedAt)],
    ['resolution', 'text', col((t) => t.resolution)],
  ]);
  const clocks = tickets.flatMap((ticket) => ticket.clocks);
  await insertColumns(client, 'sla_clocks', [
    ['ticket_id', 'uuid', clocks.map((c) => c.ticketId)],
    ['metric', 'text', clocks.map((c) => c.metric)],
    ['policy', 'text', clocks.map((c) => c.policy)],
    ['target_ms', 'bigint', clocks.map((c) => c.targetMs)],
    ['elapsed_ms', 'bigint', clocks.map((c) => Math.round(c.elapsedMs))],
    ['running_since', 'timestamptz', clocks.map((c) => c.runningSince)],
    ['due_at', 'timestamptz', clocks.map((c) => c.dueAt)],
    ['at_risk_at', 'timestamptz', clocks.map((c) => c.atRiskAt)],
    ['breached_at', 'timestamptz', clocks.map((c) => c.breachedAt)],
    ['stopped_at', 'timestamptz', clocks.map((c) => c.stoppedAt)],
    ['generation', 'int', clocks.map((c) => c.generation)],
  ]);
  const suggested = tickets.map((ticket, i) => ({ ticket, responseId: responseIds[i] })).filter(({ ticket }) => ticket.suggestion);
  await insertColumns(client, 'ticket_responses', [
    ['id', 'uuid', suggested.map((s) => s.responseId)],
    ['ticket_id', 'uuid', suggested.map((s) => s.ticket.id)],
    ['revision', 'int', suggested.map(() => 1)],
    ['body', 'text', suggested.map((s) => `Hi ${s.ticket.customerName.split(' ')[0]},\n\nHere is what should help with "${s.ticket.subject}".`)],
    ['language', 'text', suggested.map((s) => s.ticket.language)],
    ['confidence', 'real', suggested.map((s) => s.ticket.suggestion!.confidence)],
    ['source', 'text', suggested.map(() => 'rules')],
    ['needs_human', 'boolean', suggested.map((s) => s.ticket.suggestion!.confidence < 0.4)],
    ['sources', 'jsonb', suggested.map(() => '[]')],
    ['created_at', 'timestamptz', suggested.map((s) => s.ticket.triagedAt)],
  ]);
  const replied = tickets.map((ticket, i) => ({ ticket, responseId: responseIds[i] })).filter(({ ticket }) => ticket.firstResponseAt);
  await insertColumns(client, 'ticket_messages', [
    ['ticket_id', 'uuid', replied.map((r) => r.ticket.id)],
    ['author_id', 'uuid', replied.map((r) => r.ticket.assigneeId)],
    ['kind', 'text', replied.map(() => 'reply')],
    ['body', 'text', replied.map((r) => `Thanks for writing about "${r.ticket.subject}". We are on it.`)],
    ['response_id', 'uuid', replied.map((r) => (r.ticket.suggestion?.used ? r.responseId : null))],
    ['suggestion_use', 'text', replied.map((r) => r.ticket.suggestion?.used ?? null)],
    ['created_at', 'timestamptz', replied.map((r) => r.ticket.firstResponseAt)],
  ]);
  const rated = tickets.filter((ticket) => ticket.rating !== null);
  await insertColumns(client, 'ticket_ratings', [
    ['ticket_id', 'uuid', rated.map((t) => t.id)],
    ['score', 'smallint', rated.map((t) => t.rating)],
    ['created_at', 'timestamptz', rated.map((t) => t.resolvedAt)],
  ]);
}
