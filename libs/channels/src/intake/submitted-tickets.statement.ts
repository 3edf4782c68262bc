import type { EntityManager } from 'typeorm';
import type { AuditActor, TicketEntity } from '@smartdesk/database';
import type { OutboxMessage, SlaClock } from '@smartdesk/operations';

/**
 * A group commit's writes as one statement: the audit actor, the tickets, their outbox messages, their
 * "received" timeline events and their SLA clocks. A single statement is atomic on its own, so this is one
 * round trip instead of a transaction of seven, which is most of what a ticket costs at intake.
 * The actor CTE is read by the tickets insert, so it is set before the audit trigger fires (at statement end).
 */
const INSERT_SUBMITTED_TICKETS = `
WITH actor AS MATERIALIZED (
  SELECT set_config('smartdesk.actor_id', $1, true), set_config('smartdesk.actor', $2, true)
), ticket AS (
  INSERT INTO tickets (id, customer_name, customer_email, subject, description, channel, metadata, customer_id)
  SELECT t.id, t."customerName", t."customerEmail", t.subject, t.description, t.channel, t.metadata, t."customerId"
    FROM actor, jsonb_to_recordset($3::jsonb)
      AS t(id uuid, "customerName" varchar, "customerEmail" varchar, subject varchar, description text, channel varchar, metadata jsonb, "customerId" uuid)
  RETURNING id, number, channel, status, version, revision, created_at, updated_at
), outbox AS (
  INSERT INTO outbox_messages (kind, payload)
  SELECT o.kind, o.payload FROM jsonb_to_recordset($4::jsonb) AS o(kind varchar, payload jsonb)
  RETURNING id, kind, payload
), received AS (
  INSERT INTO ticket_events (ticket_id, stage, type, summary, dedupe_key)
  SELECT id, 'intake', 'received', format('Ticket #%s received via %s', number, channel), id || '.received' FROM ticket
), clock AS (
  INSERT INTO sla_clocks (ticket_id, metric, policy, target_ms, elapsed_ms, running_since, due_at, at_risk_at, breached_at, stopped_at, generation)
  SELECT * FROM jsonb_to_recordset($5::jsonb)
    AS c("ticketId" uuid, metric varchar, policy varchar, "targetMs" bigint, "elapsedMs" bigint, "runningSince" timestamptz, "dueAt" timestamptz,
         "atRiskAt" timestamptz, "breachedAt" timestamptz, "stoppedAt" timestamptz, generation int)
)
SELECT (SELECT json_agg(ticket) FROM ticket) AS tickets, (SELECT json_agg(outbox) FROM outbox) AS outbox`;

interface StoredTicketRow {
  id: string;
  number: number;
  status: TicketEntity['status'];
  version: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface SubmittedTickets {
  actor: AuditActor;
  /** With their ids already set: the other rows refer to them. */
  tickets: TicketEntity[];
  outbox: Omit<OutboxMessage, 'id'>[];
  clocks: SlaClock[];
}

/** Stores the tickets with their outbox messages, events and clocks; fills in what Postgres assigns (number, status, timestamps) and returns the stored outbox messages. */
export async function insertSubmittedTickets(manager: EntityManager, { actor, tickets, outbox, clocks }: SubmittedTickets): Promise<OutboxMessage[]> {
  const [result]: { tickets: StoredTicketRow[]; outbox: OutboxMessage[] }[] = await manager.query(INSERT_SUBMITTED_TICKETS, [
    actor.id ?? '',
    actor.label,
    JSON.stringify(tickets),
    JSON.stringify(outbox),
    JSON.stringify(clocks),
  ]);
  const stored = new Map(result.tickets.map((row) => [row.id, row]));
  for (const ticket of tickets) {
    const row = stored.get(ticket.id)!;
    Object.assign(ticket, { number: row.number, status: row.status, version: row.version, revision: row.revision, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) });
  }
  // json_agg gives the bigint id as a number; elsewhere (pg) it is a string.
  return result.outbox.map((message) => ({ ...message, id: String(message.id) }));
}
