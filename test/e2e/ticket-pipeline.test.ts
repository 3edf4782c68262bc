import { ApiClient, sampleTicket } from '../support/api-client';
import { AppProcess, startAll, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { freePort } from '@smartdesk/vector-store';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

/** The whole system as ops run it: gateway and four worker processes on real Postgres, Redis and Chroma. */
describe('ticket pipeline, end to end', () => {
  let env: TestEnvironment;
  let apps: AppProcess[] = [];
  /** Anonymous intake, as the web form submits. */
  let api: ApiClient;
  /** Reads and agent actions, signed in as the demo admin. */
  let admin: ApiClient;
  let password: string;

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_pipeline');
    const port = await freePort();
    env.vars.PORT = String(port);
    apps = await startAll(['gateway', ...WORKERS], env.vars);
    api = new ApiClient(`http://127.0.0.1:${port}`);
    ({ password } = await seedDemoAccounts(env.vars));
    admin = await api.signIn(ADMIN, password);
  }, 90_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  /** Triaged, and routed (right after triage commits) unless nothing fits it: every demo category has a team. */
  const triaged = (id: string) =>
    waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${id}`);
        const routed = body.category === 'other' || body.teamId !== null;
        return body.status === 'triaged' && body.results.escalation && routed ? body : undefined;
      },
      20_000,
      `ticket ${id} to be triaged`,
    );
  /** The pipeline's own timeline, without routing. */
  const pipelineEvents = (ticket: { timeline: { stage: string; type: string }[] }) => ticket.timeline.filter((event) => event.stage !== 'routing');

  it('triages an English shipping question with every stage result, the response and the timeline', async () => {
    const created = await api.post('/api/tickets', sampleTicket());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), number: expect.any(Number), status: 'new' });

    const ticket = await triaged(created.body.id);
    expect(ticket).toMatchObject({ category: 'shipping', language: 'en', escalated: false, priority: expect.stringMatching(/low|normal|high|urgent/) });
    expect(ticket.results.categorization).toMatchObject({ category: 'shipping', source: 'model', confidence: expect.any(Number) });
    expect(ticket.results.categorization.priority).toMatchObject({ level: ticket.priority, source: 'rules', reasons: expect.any(Array) });
    // The English lines and, beside them, the data the agent's screen phrases in the reader's language.
    const { explanation, matchedTerms, priority } = ticket.results.categorization;
    expect(explanation).toEqual(matchedTerms.map((term: string) => `matched "${term}"`));
    expect(matchedTerms.length).toBeGreaterThan(0);
    expect(priority.reasonCodes).toHaveLength(priority.reasons.length);
    expect(priority.reasonCodes[0]).toEqual({ code: 'category-severity', params: { severity: expect.stringMatching(/^(low|medium|high|critical)$/) } });
    expect(ticket.results.sentiment).toMatchObject({ label: expect.any(String), score: expect.any(Number), source: 'rules', language: { code: 'en', source: 'model' } });
    expect(ticket.results.escalation).toMatchObject({ escalate: false, level: 0, reasons: [], source: 'rules' });

    const response = ticket.suggestedResponse;
    expect(response).toMatchObject({ revision: 1, language: 'en', needsHuman: false, source: 'rules' });
    expect(response.confidence).toBeGreaterThan(0.4);
    expect(response.sources[0].articleId).toMatch(/^shipping\//);
    expect(response.body).toContain('Hi Jamie');
    expect(response.body).toContain(response.sources[0].path);

    const types = pipelineEvents(ticket).map((event) => event.type);
    expect(types[0]).toBe('received');
    expect(types).toEqual(expect.arrayContaining(['categorized', 'sentiment-analyzed', 'response-suggested', 'not-escalated']));
    expect(types.indexOf('response-suggested')).toBeGreaterThan(Math.max(types.indexOf('categorized'), types.indexOf('sentiment-analyzed')));
    expect(types.at(-1)).toBe('not-escalated');
    for (const event of pipelineEvents(ticket).slice(1)) expect(event).toMatchObject({ stage: expect.any(String), createdAt: expect.any(String), confidence: expect.any(Number) });
  });

  it('routes the triaged ticket to its team and an agent, with SLA clocks on its priority', async () => {
    const created = await api.post('/api/tickets', sampleTicket({ subject: 'Parcel lost', description: 'Tracking for order 6610 has not moved in a week.' }));
    const ticket = await triaged(created.body.id);
    const teams = (await admin.get('/api/teams')).body as { id: string; name: string }[];
    const ana = (await admin.get('/api/users?role=agent&pageSize=100')).body.items.find((user: { email: string }) => user.email === 'ana.agent@smartdesk.example');
    expect(ticket).toMatchObject({ category: 'shipping', teamId: teams.find((team) => team.name === 'Orders & Shipping')!.id, assigneeId: ana.id });
    expect(ticket.timeline.filter((event: { stage: string }) => event.stage === 'routing').map((event: { type: string }) => event.type)).toEqual(['routed', 'assigned']);
    expect(ticket.sla).toEqual([
      expect.objectContaining({ metric: 'first_response', policy: ticket.priority, state: 'running', dueAt: expect.any(String) }),
      expect.objectContaining({ metric: 'resolution', policy: ticket.priority, state: 'running', dueAt: expect.any(String) }),
    ]);
  });

  it('answers a Spanish ticket in Spanish from the Spanish article', async () => {
    const created = await api.post(
      '/api/tickets',
      sampleTicket({
        customerName: 'Lucía Pérez',
        subject: 'Me han cobrado dos veces',
        description: 'Hola, me han cobrado dos veces el pedido 5521 en la tarjeta. ¿Podéis devolverme el cobro duplicado?',
      }),
    );
    const ticket = await triaged(created.body.id);
    expect(ticket.language).toBe('es');
    expect(ticket.category).toBe('billing');
    expect(ticket.suggestedResponse.language).toBe('es');
    expect(ticket.suggestedResponse.body).toContain('Hola Lucía');
    expect(ticket.suggestedResponse.sources[0].articleId).toBe('billing/cobro-duplicado.es');
  });

  it('escalates an angry customer who asks for a human, with the reasons', async () => {
    const created = await api.post(
      '/api/tickets',
      sampleTicket({
        subject: 'CHARGED TWICE AGAIN!!!',
        description: 'This is UNACCEPTABLE!!! You charged me twice for order 5512 and this is the third time I write. I want to speak to a manager today 😡',
      }),
    );
    const ticket = await triaged(created.body.id);
    expect(ticket.sentimentLabel).toBe('negative');
    expect(ticket.sentimentScore).toBeLessThan(-0.5);
    expect(['high', 'urgent']).toContain(ticket.priority);
    expect(ticket.escalated).toBe(true);
    expect(ticket.escalationLevel).toBeGreaterThanOrEqual(2);
    const rules = ticket.results.escalation.reasons.map((reason: { rule: string }) => reason.rule);
    expect(rules).toEqual(expect.arrayContaining(['human-requested', 'negative-high-priority']));
    expect(pipelineEvents(ticket).at(-1)!.type).toBe('escalated');
  });

  it('flags an out-of-scope ticket for a human instead of inventing an answer', async () => {
    const created = await api.post('/api/tickets', sampleTicket({ subject: 'Banana bread', description: 'What is a good recipe for banana bread with walnuts?' }));
    const ticket = await triaged(created.body.id);
    expect(ticket.category).toBe('other');
    expect(ticket.results.categorization.needsReview).toBe(true);
    expect(ticket.escalated).toBe(true);
    expect(ticket.results.escalation.reasons.map((reason: { rule: string }) => reason.rule)).toContain('out-of-scope');
  });

  it('regenerates a smart response on request and lets an agent resolve the ticket', async () => {
    const created = await api.post('/api/tickets', sampleTicket({ subject: 'VPN drops', description: 'The VPN keeps disconnecting every few minutes when I work from home.' }));
    await triaged(created.body.id);

    const requested = await admin.post(`/api/tickets/${created.body.id}/response`);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ revision: 2, status: 'queued', location: `/api/tickets/${created.body.id}/responses/2` });
    const ready = await waitFor(
      async () => {
        const { status, body } = await admin.get(requested.body.location);
        return status === 200 ? body : undefined;
      },
      15_000,
      'the regenerated response',
    );
    expect(ready.response).toMatchObject({ revision: 2, sources: expect.any(Array) });
    expect(ready.response.sources[0].articleId).toMatch(/^it_network\//);

    const resolved = await admin.put(`/api/tickets/${created.body.id}/resolve`, { resolution: 'Updated the VPN client; stable now.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: ADMIN, resolvedAt: expect.any(String) });
    const again = await admin.put(`/api/tickets/${created.body.id}/resolve`, { resolution: 'again' });
    expect(again.status).toBe(409);

    const { body } = await admin.get(`/api/tickets/${created.body.id}`);
    expect(body.suggestedResponse.revision).toBe(2);
    expect(body.timeline.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(['response-requested', 'resolved']));
  });

  it('a signed-in customer and an agent talk on a triaged ticket: the suggestion sent as is counts as accepted, the note stays internal', async () => {
    const customer = await api.signIn('jamie@example.com', password);
    const agent = await api.signIn('ana.agent@smartdesk.example', password);
    const created = await customer.post('/api/tickets', { subject: 'Parcel stuck', description: 'My order 7781 has shown "in transit" for a week. Where is it?' });
    expect(created.status).toBe(201);
    const ticket = await triaged(created.body.id);
    // Routed to Orders & Shipping and assigned to Ana with the triage: one change, version 2.
    expect(ticket).toMatchObject({ customerName: 'Jamie Doe', customerEmail: 'jamie@example.com', category: 'shipping', version: 2 });

    const suggestion = (await agent.get(`/api/tickets/${ticket.id}`)).body.suggestedResponse;
    const reply = await agent.post(`/api/tickets/${ticket.id}/messages`, { body: suggestion.body, suggestionRevision: suggestion.revision });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ kind: 'reply', suggestion: { revision: 1, use: 'accepted' }, ticket: { status: 'open', version: 3 } });
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Carrier confirms it is lost (internal)', internal: true });
    expect((await agent.patch(`/api/tickets/${ticket.id}`, { version: 3, status: 'pending' })).status).toBe(200);

    const seen = await customer.get(`/api/tickets/${ticket.id}/messages`);
    expect(seen.body.map((message: { kind: string; body: string }) => [message.kind, message.body])).toEqual([['reply', suggestion.body]]);
    const view = await customer.get(`/api/tickets/${ticket.id}`);
    expect(view.body).toMatchObject({ status: 'pending' });
    expect(view.body).not.toHaveProperty('category');
    expect(JSON.stringify([seen.body, view.body])).not.toContain('Carrier confirms');

    const answer = await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Thanks. Can you resend it?' });
    expect(answer.body.ticket).toEqual({ status: 'open' });
    const timeline = (await agent.get(`/api/tickets/${ticket.id}`)).body.timeline.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(expect.arrayContaining(['suggestion-accepted', 'agent-replied', 'note-added', 'customer-replied']));
  });

  it('filters the agent queue', async () => {
    const escalated = await admin.get('/api/tickets?escalated=true&pageSize=50');
    expect(escalated.status).toBe(200);
    expect(escalated.body.items.length).toBeGreaterThanOrEqual(2);
    expect(escalated.body.items.every((ticket: { escalated: boolean }) => ticket.escalated)).toBe(true);
    const spanish = await admin.get('/api/tickets?language=es');
    expect(spanish.body.items.map((ticket: { language: string }) => ticket.language)).toEqual(['es']);
    const search = await admin.get(`/api/tickets?q=${encodeURIComponent('banana bread')}`);
    expect(search.body.total).toBe(1);
  });

  it("reads a one-word follow-up in the customer's language: their earlier tickets', else their profile's", async () => {
    const customer = { customerName: 'João Silva', customerEmail: 'joao.silva@example.pt' };
    const first = await api.post(
      '/api/tickets',
      sampleTicket({ ...customer, subject: 'Encomenda atrasada', description: 'A minha encomenda 7781 devia ter chegado na segunda-feira e ainda não chegou. Podem verificar?' }),
    );
    expect((await triaged(first.body.id)).language).toBe('pt');

    const followUp = await api.post('/api/tickets', sampleTicket({ ...customer, customerEmail: 'Joao.Silva@example.pt', subject: 'Re: 7781', description: 'ok?' }));
    const short = await triaged(followUp.body.id);
    expect(short.language).toBe('pt');
    expect(short.results.sentiment.language).toMatchObject({ code: 'pt', source: 'rules', explanation: expect.arrayContaining(["customer's earlier tickets: pt"]) });

    const profiled = await api.post('/api/tickets', sampleTicket({ customerEmail: 'new.customer@example.de', subject: 'Re: 7781', description: 'ok?', metadata: { locale: 'de-AT' } }));
    expect((await triaged(profiled.body.id)).results.sentiment.language).toMatchObject({ code: 'de', explanation: expect.arrayContaining(["customer's profile language: de"]) });
  });
});
