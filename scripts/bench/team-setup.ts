import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { DEMO_ROUTING } from '../../apps/gateway/src/seed/demo-data';
import { PROJECT_ROOT } from '../support/project-root';

const SEED = join(PROJECT_ROOT, 'dist/apps/gateway/src/seed/seed.main.js');
/** Agents per demo team beside the seeded one: every other one limited to some of the team's categories. */
const AGENTS_PER_TEAM = 4;
const CAPACITY = 10;

/**
 * A real team's setup for the bench: the demo seed (`npm run seed`: teams, agents, routing rules, macros;
 * SLA policies come from config/sla.yml), plus agents with skills and capacity. The routing rules can be
 * withdrawn and restored, so that one run measures the pipeline with and without a team to route to.
 */
export class TeamSetup {
  private withdrawn: { category: string; team_id: string }[] = [];

  private constructor(private readonly db: Pool) {}

  static async seed(db: Pool, vars: Record<string, string>): Promise<TeamSetup> {
    await promisify(execFile)(process.execPath, [SEED, '--password', randomBytes(9).toString('base64url')], { env: { ...process.env, ...vars }, timeout: 120_000 });
    const { rows: teams } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM teams`);
    for (const team of teams) {
      const categories = Object.entries(DEMO_ROUTING)
        .filter(([, name]) => name === team.name)
        .map(([category]) => category);
      for (let i = 0; i < AGENTS_PER_TEAM; i++) {
        await db.query(`INSERT INTO users (email, name, role, team_id, capacity, skills) VALUES ($1, $2, 'agent', $3, $4, $5) ON CONFLICT DO NOTHING`, [
          `bench.agent${i}.${team.id}@smartdesk.example`,
          `Bench agent ${i} (${team.name})`,
          team.id,
          CAPACITY,
          i % 2 === 0 ? [] : categories.slice(0, 1 + (i % Math.max(1, categories.length))),
        ]);
      }
    }
    return new TeamSetup(db);
  }

  /** No routing rules: tickets are triaged but go to no team (today's bare setup). */
  async withdrawRules(): Promise<void> {
    const { rows } = await this.db.query<{ category: string; team_id: string }>(`DELETE FROM routing_rules RETURNING category, team_id`);
    this.withdrawn.push(...rows);
  }

  async restoreRules(): Promise<void> {
    for (const rule of this.withdrawn.splice(0)) await this.db.query(`INSERT INTO routing_rules (category, team_id) VALUES ($1, $2)`, [rule.category, rule.team_id]);
  }
}
