import { Injectable, NotFoundException, OnModuleInit, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { AuditActor, RoutingRuleEntity, TeamEntity, transactionAs } from '@smartdesk/database';
import { loadTaxonomy, OUT_OF_SCOPE } from '@smartdesk/nlp';
import { RoutingService } from '@smartdesk/operations';

/** How many waiting tickets of a category a new rule routes at once (the rest follow as capacity frees). */
const BACKLOG = 500;

/** Category → team rules, edited by admins; a new rule routes the tickets of its category that had no team. */
@Injectable()
export class RoutingRulesService implements OnModuleInit {
  private categories = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly routing: RoutingService,
  ) {}

  onModuleInit(): void {
    this.categories = new Set([...loadTaxonomy(this.env.TAXONOMY_FILE).categories.map((category) => category.id), OUT_OF_SCOPE]);
  }

  list(): Promise<(RoutingRuleEntity & { teamName: string })[]> {
    return this.dataSource.query(
      `SELECT r.id, r.category, r.team_id AS "teamId", t.name AS "teamName", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
         FROM routing_rules r JOIN teams t ON t.id = r.team_id ORDER BY r.category`,
    );
  }

  async put(actor: AuditActor, category: string, teamId: string): Promise<{ rule: RoutingRuleEntity; routed: number }> {
    if (!this.categories.has(category)) throw new NotFoundException(`no category '${category}' in the taxonomy`);
    const rule = await transactionAs(this.dataSource, actor, async (manager) => {
      if (!(await manager.existsBy(TeamEntity, { id: teamId }))) throw new UnprocessableEntityException(`team ${teamId} does not exist`);
      await manager.upsert(RoutingRuleEntity, { category, teamId }, ['category']);
      return manager.findOneByOrFail(RoutingRuleEntity, { category });
    });
    const waiting: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM tickets WHERE category = $1 AND team_id IS NULL AND status NOT IN ('new', 'resolved', 'closed') ORDER BY created_at LIMIT ${BACKLOG}`,
      [category],
    );
    for (const ticket of waiting) await this.routing.safely('new rule', () => this.routing.routeTicket(ticket.id));
    return { rule, routed: waiting.length };
  }

  async remove(actor: AuditActor, category: string): Promise<void> {
    const deleted = await transactionAs(this.dataSource, actor, (manager) => manager.delete(RoutingRuleEntity, { category }));
    if (!deleted.affected) throw new NotFoundException(`no routing rule for '${category}'`);
  }
}
