import { unknownPlaceholders } from '../conversation/macro-template';
import { DEMO_MACROS, DEMO_TEAMS, DEMO_USERS } from './demo-data';

describe('demo data', () => {
  it('has one account of every role, each staff member in a demo team', () => {
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(new Set(['customer', 'agent', 'manager', 'admin']));
    const teams = DEMO_TEAMS.map((team) => team.name as string);
    for (const user of DEMO_USERS.filter((user) => user.role === 'agent' || user.role === 'manager')) expect(teams).toContain(user.team);
  });

  it('writes its macros with known placeholders only', () => {
    for (const macro of DEMO_MACROS) expect(unknownPlaceholders(macro.body)).toEqual([]);
  });
});
