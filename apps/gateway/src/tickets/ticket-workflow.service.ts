import { ForbiddenException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ModelTask, Stage } from '@smartdesk/contracts';
import { STAFF_ROLES, TeamEntity, TicketEntity, TimelineEvent, UserEntity } from '@smartdesk/database';
import { TAXONOMY, Taxonomy } from '@smartdesk/nlp';
import type { Principal } from '../auth/principal';
import { invalidFields } from '../http-setup';
import { confirmLabel, LabelConfirmation } from '../learning/label-confirmation';
import { taskLabels } from '../learning/task-labels';
import { ResolveTicketDto } from './dto/resolve-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { ChangeContext, TicketChanges } from './ticket-changes.service';
import { transition } from './ticket-transition';

type Draft = Omit<TimelineEvent, 'ticketId' | 'stage' | 'dedupeKey'>;

/** What staff change on a ticket: status, category, sentiment, priority, team and assignee, each change versioned and on the timeline. */
@Injectable()
export class TicketWorkflow {
  constructor(
    private readonly changes: TicketChanges,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
  ) {}

  async resolve(id: string, dto: ResolveTicketDto, principal: Principal): Promise<TicketEntity> {
    const { ticket } = await this.changes.run(principal, id, dto.version, async (context) => {
      const { patch, event } = transition(context.ticket, 'resolved', principal, dto.resolution);
      if (dto.category === undefined) return { patch, events: versioned(context, [event]), result: undefined };
      const confirmation = this.confirm('category', context.ticket, dto.category, principal);
      return { patch: { ...patch, ...confirmation.patch }, events: versioned(context, [event, confirmation.event]), result: undefined };
    });
    return ticket;
  }

  async update(id: string, dto: UpdateTicketDto, principal: Principal): Promise<TicketEntity> {
    const fields = (['status', 'category', 'sentiment', 'priority', 'teamId', 'assigneeId'] as const).filter((field) => dto[field] !== undefined);
    if (fields.length === 0) throw invalidFields([{ field: 'status', problems: ['send at least one of status, category, sentiment, priority, teamId, assigneeId'] }]);
    if (dto.resolution !== undefined && dto.status !== 'resolved') throw invalidFields([{ field: 'resolution', problems: ['resolution goes with status resolved'] }]);
    const { ticket } = await this.changes.run(principal, id, dto.version, async (context) => {
      const { ticket, manager } = context;
      const patch: Partial<TicketEntity> = {};
      const events: Draft[] = [];
      if (dto.status !== undefined && dto.status !== ticket.status) {
        const change = transition(ticket, dto.status, principal, dto.resolution);
        Object.assign(patch, change.patch);
        events.push(change.event);
      }
      for (const [task, value] of [
        ['category', dto.category],
        ['sentiment', dto.sentiment],
      ] as const) {
        if (value === undefined) continue;
        const confirmation = this.confirm(task, ticket, value, principal);
        Object.assign(patch, confirmation.patch);
        events.push(confirmation.event);
      }
      if (dto.priority !== undefined && dto.priority !== ticket.priority) {
        patch.priority = dto.priority;
        events.push({ type: 'priority-changed', summary: `Priority ${ticket.priority ?? 'unset'} → ${dto.priority} by ${principal.email}`, data: { from: ticket.priority, to: dto.priority } });
      }
      if (dto.teamId !== undefined && dto.teamId !== ticket.teamId) {
        if (principal.role === 'agent') throw new ForbiddenException('only managers and admins move tickets between teams');
        const team = dto.teamId === null ? null : await this.teamOrFail(manager, dto.teamId);
        patch.teamId = dto.teamId;
        events.push({
          type: 'team-changed',
          summary: team ? `Moved to team ${team.name} by ${principal.email}` : `Taken out of its team by ${principal.email}`,
          data: { from: ticket.teamId, to: dto.teamId },
        });
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== ticket.assigneeId) {
        mayAssign(principal, ticket, dto.assigneeId);
        const assignee = dto.assigneeId === null ? null : await this.staffOrFail(manager, dto.assigneeId);
        patch.assigneeId = dto.assigneeId;
        events.push({
          type: assignee ? 'assigned' : 'unassigned',
          summary: assignee ? `Assigned to ${assignee.email} by ${principal.email}` : `Unassigned by ${principal.email}`,
          data: { from: ticket.assigneeId, to: dto.assigneeId },
        });
      }
      return { patch, events: versioned(context, events), result: undefined };
    });
    return ticket;
  }

  private confirm(task: ModelTask, ticket: TicketEntity, value: string, principal: Principal): LabelConfirmation {
    return confirmLabel(task, ticket, value, taskLabels(task, this.taxonomy), principal);
  }

  private async teamOrFail(manager: EntityManager, id: string): Promise<TeamEntity> {
    const team = await manager.findOneBy(TeamEntity, { id });
    if (!team) throw new UnprocessableEntityException(`team ${id} does not exist`);
    return team;
  }

  private async staffOrFail(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id });
    if (!user?.active || !STAFF_ROLES.includes(user.role)) throw new UnprocessableEntityException(`user ${id} is not an active agent, manager or admin`);
    return user;
  }
}

/** An agent takes a ticket or gives back their own; managers and admins assign anyone. */
function mayAssign(principal: Principal, ticket: TicketEntity, assigneeId: string | null): void {
  if (principal.role !== 'agent') return;
  const takes = assigneeId === principal.userId;
  const givesBack = assigneeId === null && ticket.assigneeId === principal.userId;
  if (!takes && !givesBack) throw new ForbiddenException('an agent may only take a ticket or give back their own');
}

/** Timeline events keyed by the version they produce, so each change is recorded exactly once. */
function versioned({ ticket, nextVersion }: ChangeContext, events: Draft[]): Omit<TimelineEvent, 'ticketId'>[] {
  return events.map((event) => ({ ...event, stage: Stage.Agent, dedupeKey: `${ticket.id}.v${nextVersion}.${event.type}` }));
}
