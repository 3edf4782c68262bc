import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const JAMIE = 'jamie@example.com';
const BEN = 'ben.agent@smartdesk.example';
const MANAGER = 'care.manager@smartdesk.example';
const NOTE = 'Internal: customer has disputed twice before, check with finance (marker-zq81)';

/** Customer messages, public replies, internal notes, suggested responses and macros, on the real gateway and Postgres. */
describe('conversation', () => {
  let suite: GatewaySuite;
  let as: Record<string, ApiClient>;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_conversation');
    ({ as, db } = suite);
  }, 60_000);

  afterAll(() => suite?.stop());

  /** Jamie's ticket in the Billing queue (Ben's team). */
  const billingTicket = async () => {
    const { id } = (await as[JAMIE].post('/api/tickets', { subject: 'Charged twice', description: 'Order 5521 was charged twice.' })).body;
    await db.rows(`UPDATE tickets SET team_id = (SELECT id FROM teams WHERE name = 'Billing') WHERE id = $1`, [id]);
    return id as string;
  };
  /** What the rag worker writes: a suggested response for one revision. */
  const suggest = (ticketId: string, body: string, revision = 1) =>
    db.rows(`INSERT INTO ticket_responses (ticket_id, revision, body, language, confidence, source, needs_human, sources) VALUES ($1, $2, $3, 'en', 0.72, 'rules', false, '[]') RETURNING id`, [
      ticketId,
      revision,
      body,
    ]);
  const status = async (id: string) => (await db.rows('SELECT status, version FROM tickets WHERE id = $1', [id]))[0];
  const events = async (id: string) => (await db.rows('SELECT type, stage FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [id])).map((event) => `${event.stage}:${event.type}`);

  it("never shows an internal note to the customer: not in the conversation, the ticket, the list or the note's reply", async () => {
    const id = await billingTicket();
    const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'We are checking the duplicate charge.' });
    expect(reply.status).toBe(201);
    const note = await as[BEN].post(`/api/tickets/${id}/messages`, { body: NOTE, internal: true });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', body: NOTE, author: { name: 'Ben Agent' } });
    await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'Thanks, waiting.' });

    const staffView = await as[BEN].get(`/api/tickets/${id}/messages`);
    expect(staffView.body.map((message: { kind: string }) => message.kind)).toEqual(['reply', 'note', 'customer']);

    const customerReads = [await as[JAMIE].get(`/api/tickets/${id}/messages`), await as[JAMIE].get(`/api/tickets/${id}`), await as[JAMIE].get('/api/tickets?pageSize=100')];
    for (const read of customerReads) {
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).not.toContain('marker-zq81');
      expect(JSON.stringify(read.body)).not.toContain('"note"');
    }
    expect(customerReads[0].body).toEqual([
      { id: expect.any(String), kind: 'reply', body: 'We are checking the duplicate charge.', createdAt: expect.any(String), authorName: 'Ben Agent' },
      { id: expect.any(String), kind: 'customer', body: 'Thanks, waiting.', createdAt: expect.any(String), authorName: 'Jamie Doe' },
    ]);
  });

  it("an agent's first public reply opens the ticket; a note moves nothing", async () => {
    const id = await billingTicket();
    await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Looking at it (note)', internal: true });
    expect(await status(id)).toEqual({ status: 'new', version: 1 });
    const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Hello Jamie' });
    expect(reply.body.ticket).toEqual({ status: 'open', version: 2 });
    expect(await events(id)).toEqual(['intake:received', 'agent:note-added', 'agent:agent-replied', 'agent:status-changed']);
  });

  it.each(['pending', 'resolved'])('a customer reply reopens a %s ticket', async (from) => {
    const id = await billingTicket();
    const moved = await as[BEN].patch(`/api/tickets/${id}`, { version: 1, status: from, ...(from === 'resolved' ? { resolution: 'Refunded.' } : {}) });
    expect(moved.body).toMatchObject({ status: from, version: 2 });
    const message = await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'Still charged twice!' });
    expect(message.status).toBe(201);
    expect(message.body.ticket).toEqual({ status: 'open' });
    expect(await status(id)).toEqual({ status: 'open', version: 3 });
    expect((await events(id)).slice(-2)).toEqual(['customer:customer-replied', from === 'resolved' ? 'customer:reopened' : 'customer:status-changed']);
    const [audit] = await db.rows(`SELECT actor, before, after FROM audit_log WHERE entity = 'tickets' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit).toMatchObject({ actor: JAMIE, before: { status: from, version: 2 }, after: { status: 'open', version: 3 } });
  });

  it('a closed ticket takes no more public messages (409); staff may still add notes', async () => {
    const id = await billingTicket();
    await db.rows(`UPDATE tickets SET status = 'closed' WHERE id = $1`, [id]);
    expect((await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'Hello?' })).status).toBe(409);
    expect((await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Hello?' })).status).toBe(409);
    expect((await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'For the record', internal: true })).status).toBe(201);
    expect(await db.count('ticket_messages', 'ticket_id = $1', [id])).toBe(1);
  });

  it('a customer cannot send staff-only fields (400 naming each)', async () => {
    const id = await billingTicket();
    const response = await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'x', internal: true, suggestionRevision: 1, macroId: randomUUID() });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['internal', 'macroId', 'suggestionRevision']);
    expect(await db.count('ticket_messages', 'ticket_id = $1', [id])).toBe(0);
  });

  describe('suggested responses', () => {
    it('sent unchanged → recorded as accepted, linked to the response revision', async () => {
      const id = await billingTicket();
      const [suggestion] = await suggest(id, 'Hi Jamie,\n\nWe refunded the duplicate charge.');
      const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: '  Hi Jamie,\n We refunded the duplicate charge. ', suggestionRevision: 1 });
      expect(reply.status).toBe(201);
      expect(reply.body.suggestion).toEqual({ revision: 1, use: 'accepted' });
      const [row] = await db.rows('SELECT response_id, suggestion_use FROM ticket_messages WHERE id = $1', [reply.body.id]);
      expect(row).toEqual({ response_id: suggestion.id, suggestion_use: 'accepted' });
      expect(await events(id)).toContain('agent:suggestion-accepted');
    });

    it('changed before sending → recorded as edited', async () => {
      const id = await billingTicket();
      await suggest(id, 'Hi Jamie, we refunded it.');
      await suggest(id, 'Hi Jamie, we refunded the duplicate charge of order 5521.', 2);
      const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Hi Jamie, we refunded the duplicate charge of order 5521 today.', suggestionRevision: 2 });
      expect(reply.body.suggestion).toEqual({ revision: 2, use: 'edited' });
      const [event] = await db.rows(`SELECT data, confidence FROM ticket_events WHERE ticket_id = $1 AND type = 'suggestion-edited'`, [id]);
      expect(event.data).toMatchObject({ revision: 2, messageId: reply.body.id });
      expect(event.confidence).toBeCloseTo(0.72, 5);
    });

    it('422 for a revision that does not exist; 400 for a suggestion sent as a note', async () => {
      const id = await billingTicket();
      expect((await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'x', suggestionRevision: 3 })).status).toBe(422);
      expect((await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'x', suggestionRevision: 1, internal: true })).status).toBe(400);
      expect(await db.count('ticket_messages', 'ticket_id = $1', [id])).toBe(0);
    });
  });

  describe('macros', () => {
    it('renders placeholders for a ticket and records the macro on the reply', async () => {
      const created = await as[MANAGER].post('/api/macros', {
        name: 'Duplicate charge',
        body: 'Hi {{customer.firstName}}, about #{{ ticket.number }} "{{ticket.subject}}" ({{ticket.category}}): refunded. {{agent.name}}',
      });
      expect(created.status).toBe(201);
      const id = await billingTicket();
      const [ticket] = await db.rows('SELECT number FROM tickets WHERE id = $1', [id]);
      const rendered = await as[BEN].get(`/api/macros/${created.body.id}/render?ticketId=${id}`);
      expect(rendered.status).toBe(200);
      expect(rendered.body.body).toBe(`Hi Jamie, about #${ticket.number} "Charged twice" (): refunded. Ben Agent`);

      const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: rendered.body.body, macroId: created.body.id });
      expect(reply.body.macroId).toBe(created.body.id);
    });

    it('refuses unknown placeholders naming them (400), taken names (409); agents cannot write macros (403)', async () => {
      const unknown = await as[MANAGER].post('/api/macros', { name: 'Bad', body: 'Hi {{customer.shoeSize}} {{order.id}}' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0]).toMatchObject({ field: 'body', problems: [expect.stringContaining('{{customer.shoeSize}}, {{order.id}}')] });
      expect((await as[MANAGER].post('/api/macros', { name: 'Refund issued', body: 'x' })).status).toBe(409);
      expect((await as[BEN].post('/api/macros', { name: 'Mine', body: 'x' })).status).toBe(403);
      expect((await as[BEN].get('/api/macros')).body.map((macro: { name: string }) => macro.name)).toEqual(expect.arrayContaining(['Refund issued', 'Need more details']));
    });

    it('404 when rendering for a ticket the agent may not see, or an unknown macro; 422 replying with one', async () => {
      const id = await billingTicket();
      const [macro] = await db.rows(`SELECT id FROM macros WHERE name = 'Refund issued'`);
      expect((await as['chen.agent@smartdesk.example'].get(`/api/macros/${macro.id}/render?ticketId=${id}`)).status).toBe(404);
      expect((await as[BEN].get(`/api/macros/${randomUUID()}/render?ticketId=${id}`)).status).toBe(404);
      expect((await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'x', macroId: randomUUID() })).status).toBe(422);
    });

    it('updates and deletes a macro; replies made with it keep their text', async () => {
      const created = await as[MANAGER].post('/api/macros', { name: 'Temporary', body: 'Hello {{customer.name}}' });
      expect((await as[MANAGER].patch(`/api/macros/${created.body.id}`, { body: 'Hi {{customer.name}}' })).body.body).toBe('Hi {{customer.name}}');
      expect((await as[MANAGER].patch(`/api/macros/${created.body.id}`, { body: 'Hi {{nope}}' })).status).toBe(400);
      const id = await billingTicket();
      const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Hi Jamie Doe', macroId: created.body.id });
      expect((await as[MANAGER].delete(`/api/macros/${created.body.id}`)).status).toBe(204);
      expect((await as[MANAGER].delete(`/api/macros/${created.body.id}`)).status).toBe(404);
      expect((await db.rows('SELECT body, macro_id FROM ticket_messages WHERE id = $1', [reply.body.id]))[0]).toEqual({ body: 'Hi Jamie Doe', macro_id: null });
    });
  });
});
