import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTicket } from '../support/api-client';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ADMIN = 'admin@smartdesk.example';
const MANAGER = 'care.manager@smartdesk.example';
const JAMIE = 'jamie@example.com';
const LUCIA = 'lucia@example.com';

/** Merging duplicates, undoing a merge, linking, and duplicate suggestions on the real gateway. */
describe('ticket merging and links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smartdesk-merging-'));
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_merge', { vars: { ATTACHMENTS_DIR: dir } });
  }, 90_000);

  afterAll(async () => {
    await suite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = async (customer: string, overrides: Record<string, unknown> = {}) => (await suite.as[customer].post('/api/tickets', sampleTicket(overrides))).body.id as string;
  const staffView = async (id: string) => (await suite.as[ADMIN].get(`/api/tickets/${id}`)).body;

  /** The same customer writes twice about one parcel: the second is the duplicate. */
  async function duplicatePair() {
    const target = await submit(JAMIE, { subject: 'Parcel for order 4411 not delivered', description: 'My parcel for order 4411 has not arrived and the tracking has not moved since Monday.' });
    const source = await submit(JAMIE, { subject: 'Order 4411 parcel still not delivered', description: 'The parcel of order 4411 has still not arrived, tracking has not moved since Monday!' });
    return { source, target };
  }

  it('suggests a likely duplicate of the same customer, with a confidence and its source', async () => {
    const { source, target } = await duplicatePair();
    const unrelated = await submit(JAMIE, { subject: 'Change my invoice address', description: 'Please put my company name on invoice 5521.' });
    const { duplicateSuggestions } = (await staffView(source)).relations;
    expect(duplicateSuggestions.map((s: { ticket: { id: string } }) => s.ticket.id)).toContain(target);
    expect(duplicateSuggestions.map((s: { ticket: { id: string } }) => s.ticket.id)).not.toContain(unrelated);
    const suggestion = duplicateSuggestions.find((s: { ticket: { id: string } }) => s.ticket.id === target);
    expect(suggestion).toMatchObject({ source: 'rules' });
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0.25);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
  });

  it('merges a duplicate: its conversation and files move to the target, it is closed with a pointer, and an admin can undo it', async () => {
    const { source, target } = await duplicatePair();
    await suite.as[JAMIE].post(`/api/tickets/${source}/messages`, { body: 'Any news on this?' });
    const form = new FormData();
    form.append('files', new Blob([Buffer.from('%PDF-1.4 label %%EOF')], { type: 'application/pdf' }), 'label.pdf');
    const uploaded = await fetch(`${suite.api.baseUrl}/api/tickets/${source}/attachments`, { method: 'POST', headers: suite.as[JAMIE].credentials, body: form });
    expect(uploaded.status).toBe(201);
    const { version } = await staffView(source);

    expect((await suite.as[ADMIN].post(`/api/tickets/${source}/merge`, { targetId: target, version: version + 5 })).status).toBe(409);
    expect((await suite.as[JAMIE].post(`/api/tickets/${source}/merge`, { targetId: target, version })).status).toBe(403);
    const merged = await suite.as[ADMIN].post(`/api/tickets/${source}/merge`, { targetId: target, version });
    expect(merged.status).toBe(200);
    expect(merged.body.ticket).toMatchObject({ id: source, status: 'closed', mergedIntoId: target });

    const targetMessages = (await suite.as[ADMIN].get(`/api/tickets/${target}/messages`)).body.map((m: { body: string }) => m.body);
    expect(targetMessages).toContain('Any news on this?');
    expect(targetMessages.some((body: string) => body.startsWith('[Merged from #'))).toBe(true);
    expect((await suite.as[ADMIN].get(`/api/tickets/${target}/attachments`)).body.map((a: { filename: string }) => a.filename)).toEqual(['label.pdf']);
    expect((await staffView(target)).relations.mergedFrom.map((t: { id: string }) => t.id)).toEqual([source]);
    expect((await staffView(source)).relations.mergedInto.id).toBe(target);
    expect((await suite.as[JAMIE].get(`/api/tickets/${source}`)).body.mergedIntoId).toBe(target);
    expect(await suite.db.count('audit_log', `entity = 'tickets' AND entity_id = $1 AND after ->> 'merged_into_id' = $2`, [source, target])).toBe(1);
    // Merged once; a second merge of the same ticket is refused.
    expect((await suite.as[ADMIN].post(`/api/tickets/${source}/merge`, { targetId: target, version: merged.body.ticket.version })).status).toBe(409);

    expect((await suite.as[MANAGER].post(`/api/tickets/${source}/unmerge`, { version: merged.body.ticket.version })).status).toBe(403);
    const undone = await suite.as[ADMIN].post(`/api/tickets/${source}/unmerge`, { version: merged.body.ticket.version });
    expect(undone.status).toBe(200);
    expect(undone.body.ticket).toMatchObject({ id: source, status: 'new', mergedIntoId: null });
    expect((await suite.as[ADMIN].get(`/api/tickets/${source}/messages`)).body.map((m: { body: string }) => m.body)).toEqual(['Any news on this?']);
    expect((await suite.as[ADMIN].get(`/api/tickets/${target}/messages`)).body).toEqual([]);
    expect((await suite.as[ADMIN].get(`/api/tickets/${source}/attachments`)).body).toHaveLength(1);
  });

  it('never merges one customer’s ticket into another’s', async () => {
    const mine = await submit(JAMIE);
    const theirs = await submit(LUCIA);
    const { version } = await staffView(mine);
    const refused = await suite.as[ADMIN].post(`/api/tickets/${mine}/merge`, { targetId: theirs, version });
    expect(refused.status).toBe(422);
    expect((await staffView(mine)).status).not.toBe('closed');
  });

  it('links related tickets both ways, once, and unlinks them', async () => {
    const a = await submit(JAMIE);
    const b = await submit(LUCIA);
    expect((await suite.as[ADMIN].post(`/api/tickets/${a}/links`, { relatedId: b })).status).toBe(201);
    expect((await suite.as[ADMIN].post(`/api/tickets/${b}/links`, { relatedId: a })).status).toBe(201);
    expect(await suite.db.count('ticket_links', 'ticket_id = ANY($1) OR related_ticket_id = ANY($1)', [[a, b]])).toBe(1);
    expect((await staffView(a)).relations.links.map((t: { id: string }) => t.id)).toEqual([b]);
    expect((await staffView(b)).relations.links.map((t: { id: string }) => t.id)).toEqual([a]);
    expect((await suite.as[JAMIE].post(`/api/tickets/${a}/links`, { relatedId: b })).status).toBe(403);
    expect((await suite.as[ADMIN].delete(`/api/tickets/${b}/links/${a}`)).status).toBe(204);
    expect((await suite.as[ADMIN].delete(`/api/tickets/${b}/links/${a}`)).status).toBe(404);
  });
});
