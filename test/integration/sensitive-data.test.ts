import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const BILLING_MANAGER = 'care.manager@smartdesk.example';
const IT_MANAGER = 'it.manager@smartdesk.example';
const BILLING_AGENT = 'ben.agent@smartdesk.example';
const CUSTOMER = 'jamie@example.com';

const CARD = '4111 1111 1111 1111';
const SECRETS = /4111 1111 1111 1111|4111111111111111|Hunter2!|\b737\b/;
const TICKET = sampleTicket({
  subject: `Charged twice on card ${CARD}`,
  description: 'Both charges hit my card, CVV 737. My account password is Hunter2! if you need to log in.',
});

/** Card data, CVVs and passwords written in tickets: masked in every view, revealed only to managers and admins, with an audit entry. */
describe('sensitive data in tickets', () => {
  let suite: GatewaySuite;
  let as: Record<string, ApiClient>;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_sensitive_data');
    ({ as, db } = suite);
  }, 60_000);

  afterAll(() => suite?.stop());

  /** A ticket of the signed-in demo customer in the Billing team, with a message and a resolution that repeat the secrets. */
  async function billingTicket(): Promise<string> {
    const { id } = (await as[CUSTOMER].post('/api/tickets', TICKET)).body;
    const billing = (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id;
    expect((await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, teamId: billing })).status).toBe(200);
    expect((await as[CUSTOMER].post(`/api/tickets/${id}/messages`, { body: `Again: card ${CARD}, security code 737.` })).status).toBe(201);
    const { version } = (await as[ADMIN].get(`/api/tickets/${id}`)).body;
    const resolved = await as[ADMIN].put(`/api/tickets/${id}/resolve`, { version, resolution: `Refunded the second charge to card ${CARD}.` });
    expect(resolved.status).toBe(200);
    expect(JSON.stringify(resolved.body)).not.toMatch(SECRETS);
    return id;
  }

  it('stores the text as written but shows it masked to staff, to the customer, in lists, messages and the timeline', async () => {
    const id = await billingTicket();
    const [row] = await db.rows('SELECT subject, description, resolution FROM tickets WHERE id = $1', [id]);
    expect(row.description).toContain('CVV 737');

    const staff = (await as[ADMIN].get(`/api/tickets/${id}`)).body;
    expect(staff.subject).toBe('Charged twice on card [card ••••1111]');
    expect(staff.description).toBe('Both charges hit my card, CVV •••. My account password is [redacted] if you need to log in.');
    expect(staff.resolution).toBe('Refunded the second charge to card [card ••••1111].');
    expect(JSON.stringify(staff)).not.toMatch(SECRETS);

    for (const reader of [as[CUSTOMER], as[BILLING_AGENT]]) {
      const views = [(await reader.get(`/api/tickets/${id}`)).body, (await reader.get(`/api/tickets/${id}/messages`)).body, (await reader.get('/api/tickets?pageSize=100')).body];
      expect(JSON.stringify(views)).toContain('[card ••••1111]');
      expect(JSON.stringify(views)).not.toMatch(SECRETS);
    }
  });

  it('reveals the text to a manager of the department and an admin, and writes who did it to the audit log', async () => {
    const id = await billingTicket();
    for (const email of [BILLING_MANAGER, ADMIN]) {
      const revealed = await as[email].get(`/api/tickets/${id}/sensitive`);
      expect(revealed.status).toBe(200);
      expect(revealed.body).toMatchObject({ ticketId: id, subject: TICKET.subject, description: TICKET.description, resolution: `Refunded the second charge to card ${CARD}.` });
      expect(revealed.body.messages.map((message: { body: string }) => message.body)).toContain(`Again: card ${CARD}, security code 737.`);
      expect(revealed.body.revealed).toEqual(expect.arrayContaining(['subject', 'description', 'resolution']));
    }
    const entries = await db.rows(`SELECT actor, actor_id, after FROM audit_log WHERE action = 'reveal' AND entity = 'tickets' AND entity_id = $1 ORDER BY id`, [id]);
    expect(entries.map((entry) => entry.actor)).toEqual([BILLING_MANAGER, ADMIN]);
    expect(entries[0].actor_id).toBe((await db.rows('SELECT id FROM users WHERE email = $1', [BILLING_MANAGER]))[0].id);
    expect(JSON.stringify(entries)).not.toMatch(SECRETS);
  });

  it('refuses the reveal to customers and agents, and to a manager outside the department, writing nothing', async () => {
    const id = await billingTicket();
    expect((await as[CUSTOMER].get(`/api/tickets/${id}/sensitive`)).status).toBe(403);
    expect((await as[BILLING_AGENT].get(`/api/tickets/${id}/sensitive`)).status).toBe(403);
    expect((await as[IT_MANAGER].get(`/api/tickets/${id}/sensitive`)).status).toBe(404);
    expect(await db.rows(`SELECT 1 FROM audit_log WHERE action = 'reveal' AND entity_id = $1`, [id])).toHaveLength(0);
  });

  it("renders the audit log's values masked, while the log keeps them", async () => {
    const id = await billingTicket();
    const { body } = await as[ADMIN].get(`/api/audit?entity=tickets&entityId=${id}&pageSize=100`);
    const inserted = body.items.find((item: { action: string }) => item.action === 'insert');
    expect(inserted.after.description).toContain('CVV •••');
    expect(JSON.stringify(body.items)).not.toMatch(SECRETS);
    const [stored] = await db.rows(`SELECT after FROM audit_log WHERE action = 'insert' AND entity = 'tickets' AND entity_id = $1`, [id]);
    expect(stored.after.description).toContain('CVV 737');
  });

  it('fills a canned response with the subject as plain text, card data masked', async () => {
    const { id } = (await as[CUSTOMER].post('/api/tickets', { ...TICKET, subject: `<b>Charged twice</b> on card ${CARD}` })).body;
    const billing = (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id;
    expect((await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, teamId: billing })).status).toBe(200);
    const macro = await as[BILLING_MANAGER].post('/api/macros', { name: 'Refund issued (privacy test)', body: 'About "{{ticket.subject}}": refunded.' });
    expect(macro.status).toBe(201);
    const rendered = await as[BILLING_AGENT].get(`/api/macros/${macro.body.id}/render?ticketId=${id}`);
    expect(rendered.body.body).toBe('About "Charged twice on card [card ••••1111]": refunded.');
  });
});
