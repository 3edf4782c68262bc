import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MicroBatcher } from '@smartdesk/batching';
import { Stage } from '@smartdesk/contracts';
import { AuditActor, TicketStageStore, transactionAs } from '@smartdesk/database';
import { LiveEvents } from '../live/live-events.service';
import { AgentPool, PoolAgent, PoolAssignment, WaitingTicket } from './agent-pool';

const ROUTING: AuditActor = { id: null, label: 'routing' };
/** Statuses that no longer need an agent: they do not count against capacity, and are never routed. */
const FINISHED = `('resolved', 'closed')`;
/** Most urgent first, then oldest (the same order as AgentPool's queueOrder). */
const QUEUE_ORDER = `array_position(ARRAY['urgent', 'high', 'normal', 'low']::varchar[], t.priority) NULLS LAST, t.created_at, t.id`;
/** How many queued tickets one pass over a team's queue looks at. */
const DRAIN_BATCH = 200;
/** The columns a ticket waiting for an agent is routed by. */
const WAITING_COLUMNS = `t.id, t.team_id AS "teamId", t.category, t.priority, t.created_at AS "createdAt"`;

export interface Assignment {
  ticketId: string;
  agentId: string;
}

export interface RoutingOutcome {
  teamId: string | null;
  /** The ticket got its team now (from its category's rule). */
  routed: boolean;
  assignment: Assignment | null;
}

/**
 * Who works a triaged ticket. Its category's routing rule puts it in a team's queue; within the team it
 * goes to the active, present agent with the skill and the fewest unfinished tickets below their
 * capacity, the one who waited longest for a ticket among equals (round robin). Tickets nobody has room
 * for wait in the queue, most urgent and oldest first, until capacity frees.
 *
 * Concurrency: tickets routed at the same time go together in one transaction (MicroBatcher), which locks
 * its tickets and then its teams, each in id order, so two batches never wait on each other in a circle.
 * Team locks are FOR NO KEY UPDATE: they must not conflict with the KEY SHARE locks that foreign keys take
 * when a ticket's team_id is written (FOR UPDATE did: two routings of one team each held KEY SHARE and
 * waited for the other's, a deadlock per pair). Holding a team's lock is what keeps two assignments from
 * both seeing the same free slot; agents are picked in memory, so a lock lasts a few statements per batch.
 * Queue passes skip tickets someone else holds (SKIP LOCKED).
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private readonly batches = new MicroBatcher<string, RoutingOutcome>((ticketIds) => this.routeTickets(ticketIds), { maxBatch: 100, maxInFlight: 2 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TicketStageStore,
    private readonly live: LiveEvents,
  ) {}

  /** Routes one ticket that finished triage (or changed team): into its category's team if it has none, then to an agent. */
  routeTicket(ticketId: string): Promise<RoutingOutcome> {
    return this.batches.submit(ticketId);
  }

  /** Routes tickets in one transaction; one outcome per ticket, in order. */
  async routeTickets(ticketIds: string[]): Promise<RoutingOutcome[]> {
    const { routed, assignments, teams } = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      // Only tickets that need routing are locked; the WHERE is checked again once a lock is granted.
      const waiting: (Omit<WaitingTicket, 'teamId'> & { teamId: string | null })[] = await manager.query(
        `SELECT ${WAITING_COLUMNS} FROM tickets t
          WHERE t.id = ANY($1::uuid[]) AND t.status NOT IN ('new', 'resolved', 'closed') AND t.assignee_id IS NULL
            AND (t.team_id IS NOT NULL OR EXISTS (SELECT 1 FROM routing_rules r WHERE r.category = t.category))
          ORDER BY t.id FOR UPDATE OF t`,
        [ticketIds],
      );
      const routed = await this.giveTeams(
        manager,
        waiting.filter((ticket) => ticket.teamId === null).map((ticket) => ticket.id),
      );
      for (const ticket of waiting) ticket.teamId ??= routed.get(ticket.id) ?? null;
      const withTeam = waiting.filter((ticket): ticket is WaitingTicket => ticket.teamId !== null);
      const assignments = await this.assignWithinTeams(manager, withTeam);
      return { routed, assignments, teams: new Map<string, string | null>(withTeam.map((ticket) => [ticket.id, ticket.teamId])) };
    });
    const others = ticketIds.filter((id) => !teams.has(id));
    if (others.length > 0) {
      const rows: { id: string; team_id: string | null }[] = await this.dataSource.query(`SELECT id, team_id FROM tickets WHERE id = ANY($1::uuid[])`, [others]);
      for (const row of rows) teams.set(row.id, row.team_id);
    }
    const assigned = new Map(assignments.map((assignment) => [assignment.ticketId, assignment]));
    await this.live.ticketsChanged([...assigned.keys()], 'assigned', true);
    await this.live.ticketsChanged(
      [...routed.keys()].filter((id) => !assigned.has(id)),
      'routed',
      true,
    );
    return ticketIds.map((id) => ({ teamId: teams.get(id) ?? null, routed: routed.has(id), assignment: assigned.get(id) ?? null }));
  }

  /** Gives queued tickets of a team to its agents while any has room: after a resolve, a reassignment, a return. */
  async drainTeam(teamId: string): Promise<Assignment[]> {
    const assignments = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      await this.lockTeams(manager, [teamId]);
      const queued: WaitingTicket[] = await manager.query(
        `SELECT ${WAITING_COLUMNS} FROM tickets t
          WHERE t.team_id = $1 AND t.assignee_id IS NULL AND t.status <> 'new' AND t.status NOT IN ${FINISHED}
          ORDER BY ${QUEUE_ORDER} LIMIT ${DRAIN_BATCH} FOR UPDATE SKIP LOCKED`,
        [teamId],
      );
      return this.assignLocked(manager, [teamId], queued);
    });
    await this.live.ticketsChanged(
      assignments.map((assignment) => assignment.ticketId),
      'assigned',
      true,
    );
    return assignments;
  }

  /** Drains the team of an agent whose load went down (a ticket of theirs finished or moved on). */
  async drainTeamOf(agentId: string): Promise<Assignment[]> {
    const [agent]: { team_id: string | null }[] = await this.dataSource.query(`SELECT team_id FROM users WHERE id = $1`, [agentId]);
    return agent?.team_id ? this.drainTeam(agent.team_id) : [];
  }

  /**
   * An agent who is away or leaves: their unfinished tickets go back to their teams' queues and on to
   * whoever has room; what nobody can take waits in the queue.
   */
  async releaseAgent(agentId: string, reason: string): Promise<{ released: string[]; reassigned: Assignment[] }> {
    const released: { id: string; team_id: string | null; version: number }[] = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      // An UPDATE through manager.query answers [rows, count].
      const [rows]: [{ id: string; team_id: string | null; version: number }[]] = await manager.query(
        `UPDATE tickets SET assignee_id = NULL, version = version + 1, updated_at = now()
          WHERE assignee_id = $1 AND status NOT IN ${FINISHED} RETURNING id, team_id, version`,
        [agentId],
      );
      await this.store.appendEvents(
        rows.map((row) => ({
          ticketId: row.id,
          stage: Stage.Routing,
          type: 'unassigned',
          summary: `Back to the team queue: ${reason}`,
          data: { from: agentId },
          dedupeKey: `${row.id}.v${row.version}.unassigned`,
        })),
        manager,
      );
      return rows;
    });
    await this.live.ticketsChanged(
      released.map((row) => row.id),
      'unassigned',
      true,
    );
    const teams = new Set(released.map((row) => row.team_id).filter((team): team is string => team !== null));
    const reassigned: Assignment[] = [];
    for (const team of teams) reassigned.push(...(await this.drainTeam(team)));
    return { released: released.map((row) => row.id), reassigned };
  }

  /** For callers whose own change has committed: routing trouble is logged, and the ticket waits in its queue. */
  async safely<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn(`routing (${what}) failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Puts locked tickets without a team into their category's team, in one statement; answers ticket → team. */
  private async giveTeams(manager: EntityManager, ticketIds: string[]): Promise<Map<string, string>> {
    if (ticketIds.length === 0) return new Map();
    const [rows]: [{ id: string; version: number; category: string; team_id: string; team_name: string }[]] = await manager.query(
      `UPDATE tickets t SET team_id = r.team_id, version = t.version + 1, updated_at = now()
         FROM routing_rules r JOIN teams tm ON tm.id = r.team_id
        WHERE t.id = ANY($1::uuid[]) AND r.category = t.category
        RETURNING t.id, t.version, t.category, r.team_id, tm.name AS team_name`,
      [ticketIds],
    );
    await this.store.appendEvents(
      rows.map((row) => ({
        ticketId: row.id,
        stage: Stage.Routing,
        type: 'routed',
        summary: `Routed to team ${row.team_name} (category ${row.category})`,
        data: { teamId: row.team_id, category: row.category },
        dedupeKey: `${row.id}.v${row.version}.routed`,
      })),
      manager,
    );
    return new Map(rows.map((row) => [row.id, row.team_id]));
  }

  private async assignWithinTeams(manager: EntityManager, tickets: WaitingTicket[]): Promise<Assignment[]> {
    if (tickets.length === 0) return [];
    const teamIds = [...new Set(tickets.map((ticket) => ticket.teamId))].sort();
    await this.lockTeams(manager, teamIds);
    return this.assignLocked(manager, teamIds, tickets);
  }

  /** In id order, like every routing transaction, so that none waits for another in a circle. */
  private async lockTeams(manager: EntityManager, teamIds: string[]): Promise<void> {
    await manager.query(`SELECT id FROM teams WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [teamIds]);
  }

  /** With the teams' locks held: gives the locked tickets to agents with room, in a few statements. */
  private async assignLocked(manager: EntityManager, teamIds: string[], tickets: WaitingTicket[]): Promise<Assignment[]> {
    if (tickets.length === 0) return [];
    const agents: PoolAgent[] = await manager.query(AGENTS_WITH_ROOM, [teamIds]);
    const assignments = new AgentPool(agents).assign(tickets);
    if (assignments.length === 0) return [];
    await this.writeAssignments(manager, assignments);
    return assignments.map(({ ticketId, agent }) => ({ ticketId, agentId: agent.id }));
  }

  private async writeAssignments(manager: EntityManager, assignments: PoolAssignment[]): Promise<void> {
    const [rows]: [{ id: string; version: number }[]] = await manager.query(
      `UPDATE tickets t SET assignee_id = a.agent_id, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS a(ticket_id, agent_id)
        WHERE t.id = a.ticket_id RETURNING t.id, t.version`,
      [assignments.map((assignment) => assignment.ticketId), assignments.map((assignment) => assignment.agent.id)],
    );
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    // Each agent's last turn of this batch, in batch order; clock_timestamp, not now(): a later batch must come later.
    const lastTurn = new Map(assignments.map(({ agent }, turn) => [agent.id, turn]));
    await manager.query(
      `INSERT INTO agent_turns (user_id, last_assigned_at)
       SELECT turn.user_id, clock_timestamp() + turn.position * interval '1 microsecond' FROM unnest($1::uuid[], $2::int[]) AS turn(user_id, position)
       ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = excluded.last_assigned_at`,
      [[...lastTurn.keys()], [...lastTurn.values()]],
    );
    await this.store.appendEvents(
      assignments.map(({ ticketId, agent, open }) => ({
        ticketId,
        stage: Stage.Routing,
        type: 'assigned',
        summary: `Assigned to ${agent.email} by routing (${open} of ${agent.capacity} open)`,
        data: { to: agent.id, open, capacity: agent.capacity },
        dedupeKey: `${ticketId}.v${versions.get(ticketId)}.assigned`,
      })),
      manager,
    );
  }
}

/** The active, present agents of the teams ($1) below capacity, with their load and last turn (µs since the epoch). */
const AGENTS_WITH_ROOM = `
  SELECT u.id, u.email, u.team_id AS "teamId", u.skills, u.capacity, load.open,
         (extract(epoch FROM turn.last_assigned_at) * 1000000)::float8 AS "lastAssignedAt"
    FROM users u
   CROSS JOIN LATERAL (SELECT count(*)::int AS open FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ${FINISHED}) load
    LEFT JOIN agent_turns turn ON turn.user_id = u.id
   WHERE u.team_id = ANY($1::uuid[]) AND u.role = 'agent' AND u.active AND NOT u.away AND load.open < u.capacity`;
