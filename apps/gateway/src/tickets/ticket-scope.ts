import type { Principal } from '../auth/principal';

export interface SqlCondition {
  where: string;
  params: Record<string, unknown>;
}

/**
 * The tickets a principal may see, as a condition on the tickets alias `t`: customers their own; agents
 * their team's queue and what is assigned to them; managers every team of their department and what is
 * assigned to them; admins everything. Anything else reads as "not found", never "forbidden".
 */
export function ticketScope(principal: Principal): SqlCondition {
  const me = { scopeUser: principal.userId };
  switch (principal.role) {
    case 'admin':
      return { where: 'true', params: {} };
    case 'customer':
      return { where: 't.customer_id = :scopeUser', params: me };
    case 'agent':
      return { where: '(t.team_id = :scopeTeam OR t.assignee_id = :scopeUser)', params: { ...me, scopeTeam: principal.teamId } };
    case 'manager':
      return {
        where: '(t.team_id IN (SELECT id FROM teams WHERE department = :scopeDepartment) OR t.assignee_id = :scopeUser)',
        params: { ...me, scopeDepartment: principal.department },
      };
  }
}
