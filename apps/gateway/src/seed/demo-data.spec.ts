import { join } from 'node:path';
import { loadTaxonomy } from '@smartdesk/nlp';
import { unknownPlaceholders } from '../conversation/macro-template';
import { DEMO_MACROS, DEMO_ROUTING, DEMO_TEAMS, DEMO_USERS } from './demo-data';

describe('demo data', () => {
  it('has one account of every role, each staff member in a demo team', () => {
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(new Set(['customer', 'agent', 'manager', 'admin']));
    const teams = DEMO_TEAMS.map((team) => team.name as string);
    for (const user of DEMO_USERS.filter((user) => user.role === 'agent' || user.role === 'manager')) expect(teams).toContain(user.team);
  });

  it('writes its macros with known placeholders only', () => {
    for (const macro of DEMO_MACROS) expect(unknownPlaceholders(macro.body)).toEqual([]);
  });

  it('routes categories of the shipped taxonomy to demo teams', () => {
    const categories = loadTaxonomy(join(__dirname, '../../../../config/taxonomy.yml')).categories.map((category) => category.id);
    expect(categories).toEqual(expect.arrayContaining(Object.keys(DEMO_ROUTING)));
    for (const team of Object.values(DEMO_ROUTING)) expect(DEMO_TEAMS.map((demo) => demo.name as string)).toContain(team);
  });
});
