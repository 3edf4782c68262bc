import { randomUUID } from 'node:crypto';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { waitFor } from '../support/wait-for';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const JAMIE = 'jamie@example.com';

/** The tier raises a ticket's priority, so only the customer's account sets it: gateway and categorization worker. */
describe('customer tier', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_customer_tier', { workers: ['categorization-worker'] });
    ({ api, db } = suite);
    const [{ id }] = await db.rows('SELECT id FROM users WHERE email = $1', [JAMIE]);
    expect((await suite.as[ADMIN].patch(`/api/users/${id}`, { tier: 'vip' })).status).toBe(200);
  }, 90_000);

  afterAll(() => suite?.stop());

  /** The priority reasons the categorization worker gave, once it has triaged the ticket. */
  const priorityOf = async (ticketId: string) => {
    const summary = await waitFor(
      async () => (await db.rows(`SELECT summary FROM ticket_events WHERE ticket_id = $1 AND type = 'categorized'`, [ticketId]))[0]?.summary as string | undefined,
      30_000,
      `ticket ${ticketId} to be categorized`,
    );
    const [ticket] = await db.rows('SELECT metadata FROM tickets WHERE id = $1', [ticketId]);
    return { summary, metadata: ticket.metadata };
  };
  const submit = async (client: ApiClient, overrides: Record<string, unknown>) => {
    const created = await client.post('/api/tickets', sampleTicket({ subject: `Parcel ${randomUUID()}`, ...overrides }));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('an anonymous form that claims a VIP tier gets no VIP priority', async () => {
    const { summary, metadata } = await priorityOf(await submit(api, { metadata: { tier: 'vip', orderId: '4411' } }));
    expect(summary).not.toContain('VIP customer');
    expect(metadata).toEqual({ orderId: '4411' });
  });

  it("a signed-in VIP customer's ticket gets VIP priority from the account", async () => {
    const { summary, metadata } = await priorityOf(await submit(suite.as[JAMIE], {}));
    expect(summary).toContain('VIP customer');
    expect(metadata).toEqual({ tier: 'vip' });
  });

  it("staff entering a ticket for a customer's email get the account's tier, whatever they wrote", async () => {
    const agent = suite.as['ana.agent@smartdesk.example'];
    const forJamie = await priorityOf(await submit(agent, { customerEmail: JAMIE, metadata: { tier: 'standard' } }));
    expect(forJamie.summary).toContain('VIP customer');
    const forStranger = await priorityOf(await submit(agent, { customerEmail: `nobody-${randomUUID().slice(0, 8)}@example.com`, metadata: { tier: 'vip' } }));
    expect(forStranger.summary).not.toContain('VIP customer');
    expect(forStranger.metadata).toEqual({});
  });
});
