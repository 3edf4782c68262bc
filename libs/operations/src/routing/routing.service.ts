import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MicroBatcher } from '@smartdesk/batching';
import { Stage } from '@smartdesk/contracts';
import { AuditActor, TicketStageStore, transactionAs } from '@smartdesk/database';
import { LiveEvents } from '../live/live-events.service';

const ROUTING: AuditActor = { id: null, label: 'routing' };
/** Statuses that no longer need an agent: they do not count against capacity, and are never routed. */
const FINISHED = `('resolved', 'closed')`;
/** Most urgent first, then oldest. */
const QUEUE_ORDER = `array_position(ARRAY['urgent', 'high', 'normal', 'low']::varchar[], t.priority) NULLS LAST, t.created_at, t.id`;
/** How many queued tickets one pass over a team's queue looks at. */
const DRAIN_BATCH = 200;

interface QueuedTicket {
  id: string;
  category: string | null;
}

interface Agent {
  id: string;
  email: string;
  open: number;
  capacity: number;
}

export interface Assignment {
  ticketId: string;
  agentId: string;
}

interface Routability {
  routable: boolean;
  team_id: string | null;
}

export interface RoutingOutcome {
  teamId: string | null;
  assignment: Assignment | null;
}

/**
 * Who works a triaged ticket. Its category's routing rule puts it in a team's queue; within the team it
 * goes to the active, present agent with the skill and the fewest unfinished tickets below their
 * capacity, the one who waited longest for a ticket among equals (round robin). Tickets nobody has room
 * for wait in the queue, most urgent and oldest first, until capacity frees.
 *
 * Concurrency: every automatic assignment in a team holds that team's row lock, so two routings never
 * both see the same free slot; queue passes skip tickets someone else holds (SKIP LOCKED).
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private readonly routability = new MicroBatcher<string, Routability | undefined>((ticketIds) => this.readRoutability(ticketIds), { maxBatch: 64, maxInFlight: 2 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TicketStageStore,
    private readonly live: LiveEvents,
  ) {}

  /** Routes one ticket that finished triage: into its category's team (if it has none), then to an agent. */
  async routeTicket(ticketId: string): Promise<RoutingOutcome> {
    // Most tickets have nothing to route (no rule for their category, or already assigned): say so from one
    // read shared with the other tickets being routed, without a transaction. The transaction checks again under the lock.
    const state = await this.routability.submit(ticketId);
    if (!state?.routable) return { teamId: state?.team_id ?? null, assignment: null };
    const outcome = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      const [ticket]: { status: string; category: string | null; team_id: string | null; assignee_id: string | null }[] = await manager.query(
        `SELECT status, category, team_id, assignee_id FROM tickets WHERE id = $1 FOR UPDATE`,
        [ticketId],
      );
      if (!ticket || ['new', 'resolved', 'closed'].includes(ticket.status) || ticket.assignee_id) return { teamId: ticket?.team_id ?? null, assignment: null, routed: false };
      let teamId = ticket.team_id;
      const routed = !teamId && (teamId = await this.teamFor(manager, ticketId, ticket.category)) !== null;
      if (!teamId) return { teamId, assignment: null, routed };
      await this.lockTeam(manager, teamId);
      const agent = await this.pickAgent(manager, teamId, ticket.category);
      return { teamId, assignment: agent ? await this.assign(manager, ticketId, agent) : null, routed };
    });
    if (outcome.assignment) await this.live.ticketChanged(ticketId, 'assigned', true);
    else if (outcome.routed) await this.live.ticketChanged(ticketId, 'routed', true);
    return { teamId: outcome.teamId, assignment: outcome.assignment };
  }

  private async readRoutability(ticketIds: string[]): Promise<(Routability | undefined)[]> {
    const rows: (Routability & { id: string })[] = await this.dataSource.query(
      `SELECT t.id, t.team_id, t.status NOT IN ('new', 'resolved', 'closed') AND t.assignee_id IS NULL
              AND (t.team_id IS NOT NULL OR EXISTS (SELECT 1 FROM routing_rules r WHERE r.category = t.category)) AS routable
         FROM tickets t WHERE t.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ticketIds.map((id) => byId.get(id));
  }

  /** Gives queued tickets of a team to its agents while any has room: after a resolve, a reassignment, a return. */
  async drainTeam(teamId: string): Promise<Assignment[]> {
    const assignments = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      await this.lockTeam(manager, teamId);
      const queued: QueuedTicket[] = await manager.query(
        `SELECT t.id, t.category FROM tickets t
          WHERE t.team_id = $1 AND t.assignee_id IS NULL AND t.status <> 'new' AND t.status NOT IN ${FINISHED}
          ORDER BY ${QUEUE_ORDER} LIMIT ${DRAIN_BATCH} FOR UPDATE SKIP LOCKED`,
        [teamId],
      );
      const done: Assignment[] = [];
      for (const ticket of queued) {
        const agent = await this.pickAgent(manager, teamId, ticket.category);
        if (agent) done.push(await this.assign(manager, ticket.id, agent));
        // Nobody has room for any category: the rest of the queue waits.
        else if (!(await this.anyRoom(manager, teamId))) break;
      }
      return done;
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
      for (const row of rows) {
        await this.store.appendEvent(
          { ticketId: row.id, stage: Stage.Routing, type: 'unassigned', summary: `Back to the team queue: ${reason}`, data: { from: agentId }, dedupeKey: `${row.id}.v${row.version}.unassigned` },
          manager,
        );
      }
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

  private async teamFor(manager: EntityManager, ticketId: string, category: string | null): Promise<string | null> {
    if (!category) return null;
    const [rule]: { team_id: string; name: string }[] = await manager.query(
      `SELECT r.team_id, tm.name FROM routing_rules r JOIN teams tm ON tm.id = r.team_id WHERE r.category = $1`,
      [category],
    );
    if (!rule) return null;
    const [[row]]: [{ version: number }[]] = await manager.query(`UPDATE tickets SET team_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [
      ticketId,
      rule.team_id,
    ]);
    await this.store.appendEvent(
      { ticketId, stage: Stage.Routing, type: 'routed', summary: `Routed to team ${rule.name} (category ${category})`, data: { teamId: rule.team_id, category }, dedupeKey: `${ticketId}.v${row.version}.routed` },
      manager,
    );
    return rule.team_id;
  }

  private async lockTeam(manager: EntityManager, teamId: string): Promise<void> {
    await manager.query(`SELECT id FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
  }

  /** The agent of the team who should take a ticket of `category` now, if anyone has room. */
  private async pickAgent(manager: EntityManager, teamId: string, category: string | null): Promise<Agent | null> {
    const [agent]: Agent[] = await manager.query(
      `${AGENTS_WITH_ROOM} AND (cardinality(u.skills) = 0 OR u.skills @> ARRAY[$2]::varchar[])
        ORDER BY load.open, turn.last_assigned_at NULLS FIRST, u.id LIMIT 1`,
      [teamId, category],
    );
    return agent ?? null;
  }

  private async anyRoom(manager: EntityManager, teamId: string): Promise<boolean> {
    return (await manager.query(`${AGENTS_WITH_ROOM} LIMIT 1`, [teamId])).length > 0;
  }

  private async assign(manager: EntityManager, ticketId: string, agent: Agent): Promise<Assignment> {
    const [[row]]: [{ version: number }[]] = await manager.query(
      `UPDATE tickets SET assignee_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      [ticketId, agent.id],
    );
    // clock_timestamp, not now(): several assignments in one transaction must still take turns.
    await manager.query(
      `INSERT INTO agent_turns (user_id, last_assigned_at) VALUES ($1, clock_timestamp())
       ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = excluded.last_assigned_at`,
      [agent.id],
    );
    await this.store.appendEvent(
      {
        ticketId,
        stage: Stage.Routing,
        type: 'assigned',
        summary: `Assigned to ${agent.email} by routing (${agent.open + 1} of ${agent.capacity} open)`,
        data: { to: agent.id, open: agent.open + 1, capacity: agent.capacity },
        dedupeKey: `${ticketId}.v${row.version}.assigned`,
      },
      manager,
    );
    return { ticketId, agentId: agent.id };
  }
}

/** The team's active, present agents below capacity, with their load ($1: team). */
const AGENTS_WITH_ROOM = `
  SELECT u.id, u.email, load.open, u.capacity
    FROM users u
   CROSS JOIN LATERAL (SELECT count(*)::int AS open FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ${FINISHED}) load
    LEFT JOIN agent_turns turn ON turn.user_id = u.id
   WHERE u.team_id = $1 AND u.role = 'agent' AND u.active AND NOT u.away AND load.open < u.capacity`;
