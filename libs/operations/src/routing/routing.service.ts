import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MicroBatcher } from '@smartdesk/batching';
import { Stage } from '@smartdesk/contracts';
import { AuditActor, TicketEntity, TicketStageStore, TimelineEvent, transactionAs } from '@smartdesk/database';
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

/** What routing gives one locked ticket: its team, maybe an agent; the caller writes it to the ticket row. */
export interface RoutingDecision {
  ticketId: string;
  teamId: string;
  /** Set when the ticket got its team now, by its category's rule. */
  rule: { category: string; teamName: string } | null;
  assignment: PoolAssignment | null;
  /** The ticket's version once the decision is written (the locked row's, plus one). */
  version: number;
}

/** A ticket row locked for routing: what it is routed by, and the team its category's rule names. */
interface LockedTicket extends Omit<WaitingTicket, 'teamId'> {
  teamId: string | null;
  version: number;
  ruleTeamId: string | null;
  ruleTeamName: string | null;
}

/**
 * Who works a triaged ticket. Its category's routing rule puts it in a team's queue; within the team it
 * goes to the active, present agent with the skill and the fewest unfinished tickets below their
 * capacity, the one who waited longest for a ticket among equals (round robin). Tickets nobody has room
 * for wait in the queue, most urgent and oldest first, until capacity frees.
 *
 * The escalation worker routes the tickets it triages inside its own transaction (decide), so that their
 * row is written once, with the triage; people's changes route through routeTicket afterwards.
 *
 * Concurrency: every routing transaction locks its tickets, then their teams, then agents, each in id order,
 * so two never wait on each other in a circle; tickets routed at the same time from one process go together
 * (MicroBatcher). Routing new tickets (decide) holds its teams' locks in SHARE mode: batches of one team run
 * side by side, and when every agent is full (a busy team's normal state) they wait for nothing. Only agents
 * with room are locked, so two batches that see the same free slot take it one after the other, each
 * counting the load the other committed. A queue pass (drainTeam) takes the team's lock exclusively: it runs
 * once the batches that read "no room" have committed, so it sees the tickets they queued, and no ticket
 * waits in a queue while an agent of its team has room. Ticket, team and agent locks are FOR NO KEY UPDATE
 * or weaker: none may conflict with the KEY SHARE locks that foreign keys take (a stage's rows referencing
 * its tickets, a ticket's team_id and assignee_id; FOR UPDATE did: two routings of one team each held KEY
 * SHARE and waited for the other's, a deadlock per pair). Agents are picked in memory, so a lock costs a few
 * statements per batch. Queue passes skip tickets someone else holds (SKIP LOCKED).
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

  /** Routes one ticket that changed team (or whose category got a rule): into its category's team if it has none, then to an agent. */
  routeTicket(ticketId: string): Promise<RoutingOutcome> {
    return this.batches.submit(ticketId);
  }

  /** Routes tickets in one transaction; one outcome per ticket, in order. */
  async routeTickets(ticketIds: string[]): Promise<RoutingOutcome[]> {
    const decisions = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      const decisions = await this.decide(manager, ticketIds);
      await this.writeDecisions(manager, decisions);
      return decisions;
    });
    const teams = new Map<string, string | null>(decisions.map((decision) => [decision.ticketId, decision.teamId]));
    const others = ticketIds.filter((id) => !teams.has(id));
    if (others.length > 0) {
      const rows: { id: string; team_id: string | null }[] = await this.dataSource.query(`SELECT id, team_id FROM tickets WHERE id = ANY($1::uuid[])`, [others]);
      for (const row of rows) teams.set(row.id, row.team_id);
    }
    const byTicket = new Map(decisions.map((decision) => [decision.ticketId, decision]));
    const assigned = decisions.filter((decision) => decision.assignment).map((decision) => decision.ticketId);
    await this.live.ticketsChanged(assigned, 'assigned', true);
    await this.live.ticketsChanged(
      decisions.filter((decision) => decision.rule && !decision.assignment).map((decision) => decision.ticketId),
      'routed',
      true,
    );
    return ticketIds.map((id) => {
      const decision = byTicket.get(id);
      const assignment = decision?.assignment ? { ticketId: id, agentId: decision.assignment.agent.id } : null;
      return { teamId: teams.get(id) ?? null, routed: Boolean(decision?.rule), assignment };
    });
  }

  /**
   * Inside the caller's transaction: locks the tickets that need routing, then their teams, and decides
   * their teams and agents; writes the agents' turns and the timeline events, not the ticket rows (the
   * caller does, with its own change). `triaging`: the caller's change triages tickets still `new`.
   */
  async decide(manager: EntityManager, ticketIds: string[], { triaging = false } = {}): Promise<RoutingDecision[]> {
    const unrouted = triaging ? `('resolved', 'closed')` : `('new', 'resolved', 'closed')`;
    // Only tickets that need routing are locked; the WHERE is checked again once a lock is granted.
    const locked: LockedTicket[] = await manager.query(
      `SELECT ${WAITING_COLUMNS}, t.version, r.team_id AS "ruleTeamId", tm.name AS "ruleTeamName"
         FROM tickets t
         LEFT JOIN routing_rules r ON t.team_id IS NULL AND r.category = t.category
         LEFT JOIN teams tm ON tm.id = r.team_id
        WHERE t.id = ANY($1::uuid[]) AND t.status NOT IN ${unrouted} AND t.assignee_id IS NULL AND (t.team_id IS NOT NULL OR r.team_id IS NOT NULL)
        ORDER BY t.id FOR NO KEY UPDATE OF t`,
      [ticketIds],
    );
    if (locked.length === 0) return [];
    const waiting: WaitingTicket[] = locked.map(({ id, teamId, ruleTeamId, category, priority, createdAt }) => ({ id, teamId: (teamId ?? ruleTeamId)!, category, priority, createdAt }));
    const teamIds = [...new Set(waiting.map((ticket) => ticket.teamId))].sort();
    await this.lockTeams(manager, teamIds, 'SHARE');
    const assignments = new Map((await this.assignShared(manager, teamIds, waiting)).map((assignment) => [assignment.ticketId, assignment]));
    const decisions = locked.map((ticket, index) => ({
      ticketId: ticket.id,
      teamId: waiting[index].teamId,
      rule: ticket.teamId === null ? { category: ticket.category!, teamName: ticket.ruleTeamName! } : null,
      assignment: assignments.get(ticket.id) ?? null,
      version: ticket.version + 1,
    }));
    await this.store.appendEvents(decisions.flatMap(routingEvents), manager);
    return decisions;
  }

  /** Gives queued tickets of a team to its agents while any has room: after a resolve, a reassignment, a return. */
  async drainTeam(teamId: string): Promise<Assignment[]> {
    const decisions = await transactionAs(this.dataSource, ROUTING, async (manager) => {
      await this.lockTeams(manager, [teamId], 'NO KEY UPDATE');
      const queued: (WaitingTicket & { version: number })[] = await manager.query(
        `SELECT ${WAITING_COLUMNS}, t.version FROM tickets t
          WHERE t.team_id = $1 AND t.assignee_id IS NULL AND t.status <> 'new' AND t.status NOT IN ${FINISHED}
          ORDER BY ${QUEUE_ORDER} LIMIT ${DRAIN_BATCH} FOR NO KEY UPDATE SKIP LOCKED`,
        [teamId],
      );
      const versions = new Map(queued.map((ticket) => [ticket.id, ticket.version]));
      // The team's lock held exclusively: no one else assigns its agents meanwhile.
      const agents: PoolAgent[] = queued.length > 0 ? await manager.query(AGENTS_WITH_ROOM, [[teamId]]) : [];
      const decisions: RoutingDecision[] = (await this.assign(manager, agents, queued)).map((assignment) => ({
        ticketId: assignment.ticketId,
        teamId,
        rule: null,
        assignment,
        version: versions.get(assignment.ticketId)! + 1,
      }));
      await this.store.appendEvents(decisions.flatMap(routingEvents), manager);
      await this.writeDecisions(manager, decisions);
      return decisions;
    });
    const assignments = decisions.map(({ ticketId, assignment }) => ({ ticketId, agentId: assignment!.agent.id }));
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

  /** In id order, like every routing transaction, so that none waits for another in a circle. */
  private async lockTeams(manager: EntityManager, teamIds: string[], mode: 'SHARE' | 'NO KEY UPDATE'): Promise<void> {
    await manager.query(`SELECT id FROM teams WHERE id = ANY($1::uuid[]) ORDER BY id FOR ${mode}`, [teamIds]);
  }

  /**
   * With the teams' locks held in SHARE mode: locks the agents who have room, reads their load again (a
   * batch that held them before has committed its assignments by then), and gives them tickets.
   */
  private async assignShared(manager: EntityManager, teamIds: string[], tickets: WaitingTicket[]): Promise<PoolAssignment[]> {
    const withRoom: PoolAgent[] = await manager.query(AGENTS_WITH_ROOM, [teamIds]);
    if (withRoom.length === 0) return [];
    await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [withRoom.map((agent) => agent.id)]);
    const agents: PoolAgent[] = await manager.query(`${AGENTS_WITH_ROOM} AND u.id = ANY($2::uuid[])`, [teamIds, withRoom.map((agent) => agent.id)]);
    return this.assign(manager, agents, tickets);
  }

  /** Gives the tickets to the agents (whose load no one else can change meanwhile), and records the agents' turns. */
  private async assign(manager: EntityManager, agents: PoolAgent[], tickets: WaitingTicket[]): Promise<PoolAssignment[]> {
    const assignments = new AgentPool(agents).assign(tickets);
    if (assignments.length === 0) return [];
    // Each agent's last turn of this batch, in batch order; clock_timestamp, not now(): a later batch must come later.
    const lastTurn = new Map(assignments.map(({ agent }, turn) => [agent.id, turn]));
    await manager.query(
      `INSERT INTO agent_turns (user_id, last_assigned_at)
       SELECT turn.user_id, clock_timestamp() + turn.position * interval '1 microsecond' FROM unnest($1::uuid[], $2::int[]) AS turn(user_id, position)
       ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = excluded.last_assigned_at`,
      [[...lastTurn.keys()], [...lastTurn.values()]],
    );
    return assignments;
  }

  /** Writes decisions to their locked ticket rows, in one statement. */
  private async writeDecisions(manager: EntityManager, decisions: RoutingDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await manager.query(
      `UPDATE tickets t SET team_id = d.team_id, assignee_id = d.agent_id, version = d.version, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) AS d(ticket_id, team_id, agent_id, version)
        WHERE t.id = d.ticket_id`,
      [decisions.map((d) => d.ticketId), decisions.map((d) => d.teamId), decisions.map((d) => d.assignment?.agent.id ?? null), decisions.map((d) => d.version)],
    );
  }
}

/** The ticket columns a decision sets, for a caller that writes them with its own change. */
export function routingPatch(decision: RoutingDecision): Pick<TicketEntity, 'teamId' | 'assigneeId' | 'version'> {
  return { teamId: decision.teamId, assigneeId: decision.assignment?.agent.id ?? null, version: decision.version };
}

/** The timeline events of a decision: the team it got by rule, and its agent. */
function routingEvents({ ticketId, teamId, rule, assignment, version }: RoutingDecision): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (rule) {
    events.push({
      ticketId,
      stage: Stage.Routing,
      type: 'routed',
      summary: `Routed to team ${rule.teamName} (category ${rule.category})`,
      data: { teamId, category: rule.category },
      dedupeKey: `${ticketId}.v${version}.routed`,
    });
  }
  if (assignment) {
    const { agent, open } = assignment;
    events.push({
      ticketId,
      stage: Stage.Routing,
      type: 'assigned',
      summary: `Assigned to ${agent.email} by routing (${open} of ${agent.capacity} open)`,
      data: { to: agent.id, open, capacity: agent.capacity },
      dedupeKey: `${ticketId}.v${version}.assigned`,
    });
  }
  return events;
}

/** The active, present agents of the teams ($1) below capacity, with their load and last turn (µs since the epoch). */
const AGENTS_WITH_ROOM = `
  SELECT u.id, u.email, u.team_id AS "teamId", u.skills, u.capacity, load.open,
         (extract(epoch FROM turn.last_assigned_at) * 1000000)::float8 AS "lastAssignedAt"
    FROM users u
   CROSS JOIN LATERAL (SELECT count(*)::int AS open FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ${FINISHED}) load
    LEFT JOIN agent_turns turn ON turn.user_id = u.id
   WHERE u.team_id = ANY($1::uuid[]) AND u.role = 'agent' AND u.active AND NOT u.away AND load.open < u.capacity`;
