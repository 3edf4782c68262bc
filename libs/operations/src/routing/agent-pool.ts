/** Priorities, most urgent first: the team queue's order. */
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];

export interface PoolAgent {
  id: string;
  email: string;
  teamId: string;
  /** Empty: takes any category. */
  skills: string[];
  /** Unfinished tickets assigned now. */
  open: number;
  capacity: number;
  /** When the agent last got a ticket from routing (round robin); null: never. */
  lastAssignedAt: number | null;
}

export interface WaitingTicket {
  id: string;
  teamId: string;
  category: string | null;
  priority: string | null;
  createdAt: Date;
}

export interface PoolAssignment {
  ticketId: string;
  agent: PoolAgent;
  /** The agent's load including this ticket. */
  open: number;
}

/** Most urgent first, then oldest, then by id (a stable order for equal tickets). */
export function queueOrder(a: WaitingTicket, b: WaitingTicket): number {
  const rank = (ticket: WaitingTicket) => (ticket.priority && PRIORITY_ORDER.includes(ticket.priority) ? PRIORITY_ORDER.indexOf(ticket.priority) : PRIORITY_ORDER.length);
  return rank(a) - rank(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The agents of the locked teams with their load, read once per routing transaction: each ticket goes to
 * the agent with the skill and the fewest unfinished tickets below capacity, who waited longest among
 * equals (round robin). Picking in memory keeps the team locks to a few statements per batch, not per ticket.
 */
export class AgentPool {
  /** The latest turn handed out: assignments in this batch come after every earlier one, and after each other. */
  private latestTurn: number;

  constructor(private readonly agents: PoolAgent[]) {
    this.latestTurn = Math.max(0, ...agents.map((agent) => agent.lastAssignedAt ?? 0));
  }

  /** Gives the tickets, in queue order, to agents with room; tickets nobody can take are left out. */
  assign(tickets: WaitingTicket[]): PoolAssignment[] {
    const assignments: PoolAssignment[] = [];
    for (const ticket of [...tickets].sort(queueOrder)) {
      const agent = this.pick(ticket);
      if (!agent) continue;
      agent.open += 1;
      agent.lastAssignedAt = ++this.latestTurn;
      assignments.push({ ticketId: ticket.id, agent, open: agent.open });
    }
    return assignments;
  }

  private pick(ticket: WaitingTicket): PoolAgent | undefined {
    let best: PoolAgent | undefined;
    for (const agent of this.agents) {
      if (agent.teamId !== ticket.teamId || agent.open >= agent.capacity) continue;
      if (agent.skills.length > 0 && (!ticket.category || !agent.skills.includes(ticket.category))) continue;
      if (!best || before(agent, best)) best = agent;
    }
    return best;
  }
}

function before(a: PoolAgent, b: PoolAgent): boolean {
  if (a.open !== b.open) return a.open < b.open;
  if (a.lastAssignedAt !== b.lastAssignedAt) return a.lastAssignedAt === null || (b.lastAssignedAt !== null && a.lastAssignedAt < b.lastAssignedAt);
  return a.id < b.id;
}
