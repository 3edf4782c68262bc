import { freePort } from '@smartdesk/vector-store';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppProcess, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { SmtpReceiver } from '../support/smtp-receiver';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

const TOKEN_HEADER = 'x-conversation-token';

/** A client that holds an anonymous conversation's token, as the widget does. */
const holding = (api: ApiClient, token: string) => new ApiClient(api.baseUrl, { [TOKEN_HEADER]: token });

/** Reads a text/event-stream response to its end: the events in order. */
async function readEvents(response: Response): Promise<{ event: string; data: any }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]);
      return { event, data };
    });
}

/** The offline assistant against the real gateway, all four workers, Postgres, Redis and Chroma. */
describe('self-service assistant, offline, end to end', () => {
  const apps: AppProcess[] = [];
  let env: TestEnvironment | undefined;
  let api: ApiClient;
  let admin: ApiClient;
  let jamie: ApiClient;
  let lucia: ApiClient;
  const smtp = new SmtpReceiver();

  beforeAll(async () => {
    await smtp.start();
    env = await createTestEnvironment('e2e_assistant');
    const port = await freePort();
    Object.assign(env.vars, { PORT: String(port), SMTP_URL: smtp.url, ESCALATION_EMAIL_TO: 'oncall@example.com' });
    // One at a time, with a generous budget: five processes loading models at once starve a small shared machine.
    for (const name of ['gateway', ...WORKERS] as const) apps.push(await AppProcess.start(name, env.vars, 120_000));
    api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    [admin, jamie, lucia] = await Promise.all([api.signIn(ADMIN, password), api.signIn('jamie@example.com', password), api.signIn('lucia@example.com', password)]);
  }, 600_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
    await smtp.stop();
  });

  /** An anonymous conversation and a client holding its token. */
  async function anonymousConversation(language?: string) {
    const created = await api.post('/api/assistant/conversations', language ? { language } : {});
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    return { id: created.body.id as string, client: holding(api, created.body.token) };
  }

  it('answers an English question from the kb article, with a citation, and a Spanish one in Spanish', async () => {
    const { id, client } = await anonymousConversation();
    const english = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'I forgot my password and cannot log in. How do I reset it?' });
    expect(english.status).toBe(200);
    expect(english.body.answer).toMatchObject({ role: 'assistant', source: 'rules', machineWritten: true, intent: 'question' });
    expect(english.body.answer.citations[0]).toMatchObject({ kind: 'article', articleId: 'account_access/reset-your-password' });
    expect(english.body.answer.body).toContain('Forgot password?');
    expect(english.body.answer.body).toContain(`[${english.body.answer.citations[0].path}]`);
    expect(english.body.answer.confidence).toBeGreaterThanOrEqual(0.4);
    expect(english.body.answer.confidence).toBeLessThanOrEqual(1);

    const spanish = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'Olvidé mi contraseña y no puedo iniciar sesión. ¿Cómo la restablezco?' });
    expect(spanish.status).toBe(200);
    expect(spanish.body.conversation.language).toBe('es');
    expect(spanish.body.answer.citations[0]).toMatchObject({ kind: 'article', articleId: 'account_access/restablecer-contrasena.es' });
    expect(spanish.body.answer.body).toContain('Esto debería ayudarte');

    const read = await client.get(`/api/assistant/conversations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.messages.map((message: { role: string }) => message.role)).toEqual(['customer', 'assistant', 'customer', 'assistant']);
  });

  it('streams the reply as server-sent events when asked to', async () => {
    const created = await api.post('/api/assistant/conversations', {});
    const response = await fetch(`${api.baseUrl}/api/assistant/conversations/${created.body.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', [TOKEN_HEADER]: created.body.token },
      body: JSON.stringify({ text: 'My printer shows offline and documents are not printing' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(response);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const streamed = events
      .filter((event) => event.event === 'delta')
      .map((event) => event.data.text)
      .join('');
    expect(streamed).toBe(done.data.answer.body);
    expect(done.data.answer.citations[0]).toMatchObject({ kind: 'article' });
  });

  it('says when it does not know, and offers a ticket', async () => {
    const { id, client } = await anonymousConversation();
    const reply = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'What is a good recipe for banana bread with walnuts?' });
    expect(reply.status).toBe(200);
    expect(reply.body.answer.body).toContain('open a ticket');
    expect(reply.body.answer.citations).toEqual([]);
    expect(reply.body.answer.confidence).toBeLessThan(0.4);
  });

  it("answers from another customer's solved ticket only as its generalized solution: no name, email, card or password, no ticket number", async () => {
    const personal = ['Dana', 'Whitfield', 'dana.whitfield@example.com', '4111', 'Hunter2', '(555) 987-6543'];
    const created = await api.post(
      '/api/tickets',
      sampleTicket({
        customerName: 'Dana Whitfield',
        customerEmail: 'dana.whitfield@example.com',
        subject: 'Pop-up store loyalty points missing - Dana Whitfield',
        description: 'I am Dana Whitfield (dana.whitfield@example.com, (555) 987-6543). The loyalty points from my purchase at the pop-up store never arrived. I paid with card 4111 1111 1111 1111.',
      }),
    );
    const solved = await waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${created.body.id}`);
        return body.results?.escalation ? body : undefined;
      },
      30_000,
      'the solved ticket to be triaged',
    );
    const resolution =
      'Credited the missing points to Dana Whitfield by hand (card 4111 1111 1111 1111, dana.whitfield@example.com, password Hunter2!). Pop-up store points always need a manual credit; they show up within 24 hours.';
    expect((await admin.put(`/api/tickets/${solved.id}/resolve`, { resolution })).status).toBe(200);

    const { id, client } = await anonymousConversation();
    // Asked again while the rag-worker indexes the resolution (an outbox job after the resolve commits).
    const answer = await waitFor(
      async () => {
        const reply = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'The loyalty points from my pop-up store purchase never arrived on my account' });
        return reply.body.answer.citations[0]?.kind === 'solution' ? reply.body.answer : undefined;
      },
      30_000,
      'an answer drawn from the solved ticket',
    );
    expect(answer.body).toContain('A similar request was solved this way:');
    expect(answer.body).toContain('Pop-up store points always need a manual credit; they show up within 24 hours.');
    expect(answer.citations[0]).toEqual({ kind: 'solution', title: expect.stringContaining('Pop-up store loyalty points missing'), score: answer.citations[0].score });
    expect(answer.confidence).toBeGreaterThanOrEqual(0.4);
    const everything = JSON.stringify((await client.get(`/api/assistant/conversations/${id}`)).body);
    expect(personal.filter((value) => everything.includes(value))).toEqual([]);
    expect(everything).not.toContain(solved.id);
    expect(everything).not.toContain(`#${solved.number}`);
  });

  it('opens a ticket with the transcript that goes through the pipeline, and reports its status to the token holder', async () => {
    const { id, client } = await anonymousConversation();
    await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'My parcel for order 4411 has not arrived and tracking is stuck' });
    const noContact = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'Please open a ticket' });
    expect(noContact.body.answer.body).toContain('name and email');
    expect(noContact.body.conversation.status).toBe('open');

    const opened = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'Please open a ticket', contact: { name: 'Sam Lee', email: 'sam@example.com' } });
    expect(opened.status).toBe(200);
    expect(opened.body.conversation.status).toBe('ticket_opened');
    const ticketId = opened.body.conversation.ticketId;
    const ticket = await waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${ticketId}`);
        return body.results?.escalation ? body : undefined;
      },
      30_000,
      'the assistant ticket to be triaged',
    );
    expect(ticket).toMatchObject({ channel: 'chat', customerEmail: 'sam@example.com', subject: 'My parcel for order 4411 has not arrived and tracking is stuck' });
    expect(ticket.description).toContain('Customer: My parcel for order 4411 has not arrived');
    expect(ticket.description).toContain('Assistant (machine-written):');
    expect(ticket.metadata.assistant).toEqual({ conversationId: id, handover: false });
    expect(opened.body.answer.body).toContain(`#${ticket.number}`);

    const status = await client.post(`/api/assistant/conversations/${id}/messages`, { text: `What is the status of #${ticket.number}?` });
    expect(status.body.answer.body).toBe(`Ticket #${ticket.number} is ${ticket.status}.`);
  });

  it('tells an anonymous caller the status of their ticket once they give the code mailed to its address', async () => {
    const filed = await api.post('/api/tickets', sampleTicket({ customerName: 'Kim Park', customerEmail: 'kim@example.com' }));
    const number = filed.body.number;
    const { id, client } = await anonymousConversation();
    const say = (body: Record<string, unknown>) => client.post(`/api/assistant/conversations/${id}/messages`, body);

    const stranger = await say({ text: `status of #${number}`, contact: { name: 'Eve', email: 'eve@example.com' } });
    const owner = await say({ text: `status of #${number}`, contact: { name: 'Kim Park', email: 'KIM@example.com' } });
    // The same words either way: nothing tells a stranger whether the ticket or the address exists.
    expect(stranger.body.answer.body).toBe(owner.body.answer.body);
    expect(owner.body.answer.body).toContain('emailed a 6-digit code');
    const mail = await waitFor(async () => smtp.received.find((received) => received.to.includes('kim@example.com')), 10_000, 'the code mail');
    expect(smtp.received.filter((received) => received.to.includes('eve@example.com'))).toEqual([]);
    const code = /is (\d{6})\./.exec(mail.raw.replace(/=\r?\n/g, ''))![1];

    const wrong = await say({ text: 'here it is', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.body.answer.body).toContain('not right');
    const right = await say({ text: 'here it is', code });
    expect(right.body.answer.body).toMatch(new RegExp(`^Ticket #${number} is \\w+\\.$`));
    // Once proved, the ticket is this conversation's; the code is spent.
    expect((await say({ text: `status of #${number}` })).body.answer.body).toMatch(new RegExp(`^Ticket #${number} is`));
    expect((await say({ text: 'again', code })).body.answer.body).toContain('expired');
    expect((await say({ text: 'x', code: '12ab' })).status).toBe(400);
  });

  it("tells a signed-in customer the status of their own ticket, and not of someone else's", async () => {
    const own = await jamie.post('/api/tickets', { subject: 'Invoice needed', description: 'Please send me a VAT invoice for order 5120.' });
    const others = await lucia.post('/api/tickets', { subject: 'Cambio de dirección', description: 'Quiero cambiar la dirección de envío del pedido 7781.' });
    expect([own.status, others.status]).toEqual([201, 201]);
    const created = await jamie.post('/api/assistant/conversations', { language: 'en' });
    expect(created.body.token).toBeUndefined();
    const id = created.body.id;

    const mine = await jamie.post(`/api/assistant/conversations/${id}/messages`, { text: `status of #${own.body.number}` });
    expect(mine.body.answer.body).toMatch(new RegExp(`^Ticket #${own.body.number} is \\w+\\.$`));
    const theirs = await jamie.post(`/api/assistant/conversations/${id}/messages`, { text: `status of #${others.body.number}` });
    expect(theirs.body.answer.body).not.toContain(`#${others.body.number}`);
    expect(theirs.body.answer.body).toContain("can't find that ticket");
  });

  it('hands over to a person with an escalation-flagged ticket carrying the transcript, and counts a thank-you as solved', async () => {
    const created = await jamie.post('/api/assistant/conversations', { language: 'fr' });
    const id = created.body.id;
    await jamie.post(`/api/assistant/conversations/${id}/messages`, { text: 'Mon imprimante est hors ligne et rien ne s’imprime' });
    const handover = await jamie.post(`/api/assistant/conversations/${id}/messages`, { text: 'Je veux parler à un humain' });
    expect(handover.body.conversation.status).toBe('handed_over');
    expect(handover.body.answer.body).toContain('Une personne de notre équipe');
    const ticket = (await admin.get(`/api/tickets/${handover.body.conversation.ticketId}`)).body;
    expect(ticket.metadata.assistant).toEqual({ conversationId: id, handover: true });
    expect(ticket.customerEmail).toBe('jamie@example.com');
    expect(ticket.description).toContain('Je veux parler à un humain');

    const solved = await jamie.post('/api/assistant/conversations', {});
    const thanks = await jamie.post(`/api/assistant/conversations/${solved.body.id}/messages`, { text: 'That solved it, thanks!' });
    expect(thanks.body.conversation.status).toBe('solved');
  });

  it('counts deflection in /api/stats: solved without a ticket, handed over, tickets opened', async () => {
    const before = (await admin.get('/api/stats')).body.deflection;
    const solved = await jamie.post('/api/assistant/conversations', {});
    await jamie.post(`/api/assistant/conversations/${solved.body.id}/messages`, { text: 'Thanks, that fixed it' });
    const handed = await jamie.post('/api/assistant/conversations', {});
    await jamie.post(`/api/assistant/conversations/${handed.body.id}/messages`, { text: 'A human, please' });
    const after = (await admin.get('/api/stats')).body.deflection;
    expect({
      conversations: after.conversations - before.conversations,
      solved: after.solved - before.solved,
      handedOver: after.handedOver - before.handedOver,
      ticketsOpened: after.ticketsOpened - before.ticketsOpened,
    }).toEqual({ conversations: 2, solved: 1, handedOver: 1, ticketsOpened: 1 });
    expect(after.rate).toBe(Math.round((after.solved / after.conversations) * 10_000) / 10_000);
    expect((await jamie.get('/api/stats')).status).toBe(403);
  });

  it('lets nobody else read or write a conversation', async () => {
    const { id, client } = await anonymousConversation();
    await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'How do I reset my password?' });
    const other = await anonymousConversation();
    expect((await api.get(`/api/assistant/conversations/${id}`)).status).toBe(404);
    expect((await other.client.get(`/api/assistant/conversations/${id}`)).status).toBe(404);
    expect((await jamie.get(`/api/assistant/conversations/${id}`)).status).toBe(404);
    expect((await other.client.post(`/api/assistant/conversations/${id}/messages`, { text: 'open a ticket' })).status).toBe(404);

    const jamies = await jamie.post('/api/assistant/conversations', {});
    expect((await lucia.get(`/api/assistant/conversations/${jamies.body.id}`)).status).toBe(404);
    expect((await jamie.get(`/api/assistant/conversations/${jamies.body.id}`)).status).toBe(200);
  });

  it('rejects a malformed message with a 400 naming the field, storing nothing', async () => {
    const { id, client } = await anonymousConversation();
    const empty = await client.post(`/api/assistant/conversations/${id}/messages`, { text: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('text');
    const badContact = await client.post(`/api/assistant/conversations/${id}/messages`, { text: 'open a ticket', contact: { name: 'Sam', email: 'not-an-email' } });
    expect(badContact.status).toBe(400);
    expect((await client.get(`/api/assistant/conversations/${id}`)).body.messages).toEqual([]);
  });
});
