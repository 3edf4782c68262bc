import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditActor, MacroEntity, RoutingRuleEntity, TeamEntity, transactionAs, UserEntity } from '@smartdesk/database';
import { TeamsService } from '../teams/teams.service';
import { UsersService } from '../users/users.service';
import { DEMO_MACROS, DEMO_ROUTING, DEMO_TEAMS, DEMO_USERS } from './demo-data';

const SEED: AuditActor = { id: null, label: 'seed' };

export interface SeedReport {
  created: string[];
  existing: string[];
}

/** Creates what is missing of the demo data (teams, accounts, routing rules, macros), through the same services as the API; never touches what exists. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly users: UsersService,
  ) {}

  async seed(password: string): Promise<SeedReport> {
    const report: SeedReport = { created: [], existing: [] };
    const teamIds = new Map<string, string>();
    for (const team of DEMO_TEAMS) {
      const found = await this.dataSource.getRepository(TeamEntity).findOneBy({ name: team.name });
      teamIds.set(team.name, found?.id ?? (await this.teams.create(SEED, team)).id);
      (found ? report.existing : report.created).push(`team ${team.name} (${team.department})`);
    }
    for (const user of DEMO_USERS) {
      const found = await this.dataSource.getRepository(UserEntity).existsBy({ email: user.email });
      if (!found) await this.users.create(SEED, { email: user.email, name: user.name, role: user.role, password, teamId: user.team && teamIds.get(user.team) });
      (found ? report.existing : report.created).push(`${user.role} ${user.email}${user.team ? ` (${user.team})` : ''}`);
    }
    for (const [category, team] of Object.entries(DEMO_ROUTING)) {
      const found = await this.dataSource.getRepository(RoutingRuleEntity).existsBy({ category });
      if (!found) await transactionAs(this.dataSource, SEED, (manager) => manager.insert(RoutingRuleEntity, { category, teamId: teamIds.get(team) }));
      (found ? report.existing : report.created).push(`routing ${category} → ${team}`);
    }
    for (const macro of DEMO_MACROS) {
      const found = await this.dataSource.getRepository(MacroEntity).existsBy({ name: macro.name });
      if (!found) await transactionAs(this.dataSource, SEED, (manager) => manager.insert(MacroEntity, { name: macro.name, body: macro.body }));
      (found ? report.existing : report.created).push(`macro ${macro.name}`);
    }
    return report;
  }
}
