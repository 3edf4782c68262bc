import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3AttachmentStore } from '@smartdesk/channels';
import { loadEnvironment } from '@smartdesk/config';
import { ApiClient, sampleTicket } from '../support/api-client';
import { S3Server } from '../support/s3-server';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ADMIN = 'admin@smartdesk.example';
const JAMIE = 'jamie@example.com';
const LUCIA = 'lucia@example.com';
const MAX_BYTES = 4096;

/** POSTs files (and fields) as multipart/form-data, as a browser form does. */
async function upload(client: ApiClient, ticketId: string, files: { name: string; type: string; bytes: Buffer }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([file.bytes], { type: file.type }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${client.baseUrl}/api/tickets/${ticketId}/attachments`, { method: 'POST', headers: client.credentials, body: form });
  // The API's JSON, read as the tests' assertions need it (an array of attachments, or an error body).
  return { status: response.status, body: (await response.json()) as any };
}

const pdf = (text: string) => ({ name: 'receipt.pdf', type: 'application/pdf', bytes: Buffer.from(`%PDF-1.4\n${text}\n%%EOF`) });

/** Where a suite's attachment bytes go: the apps' variables for it, and what it holds under a ticket, read directly. */
interface StoreUnderTest {
  vars: Record<string, string>;
  storedKeys(ticketId: string): Promise<string[]>;
  stop(): Promise<void>;
}

const STORES: [string, string, () => Promise<StoreUnderTest>][] = [
  [
    'a local directory',
    'local',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'smartdesk-attachments-'));
      return {
        vars: { ATTACHMENTS_STORE: 'local', ATTACHMENTS_DIR: dir },
        storedKeys: async (ticketId) => readdirSync(join(dir, ticketId)).map((file) => `${ticketId}/${file}`),
        stop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'an S3-compatible bucket',
    's3',
    async () => {
      const s3 = new S3Server('smartdesk-attachments');
      await s3.start();
      return { vars: s3.vars, storedKeys: (ticketId) => s3.keys(`${ticketId}/`), stop: () => s3.stop() };
    },
  ],
];

/** Attachments on the real gateway: stored outside the row, within limits, shown only to those who may see the ticket. */
describe.each(STORES)('attachments in %s', (_label, storeId, openStore) => {
  let store: StoreUnderTest;
  let suite: GatewaySuite;

  beforeAll(async () => {
    store = await openStore();
    suite = await startGatewaySuite(`int_attach_${storeId}`, {
      vars: { ...store.vars, ATTACHMENT_MAX_BYTES: String(MAX_BYTES), ATTACHMENT_TYPES: 'application/pdf,image/*' },
    });
  }, 90_000);

  afterAll(async () => {
    await suite?.stop();
    await store?.stop();
  });

  const jamieTicket = async () => (await suite.as[JAMIE].post('/api/tickets', sampleTicket())).body.id as string;

  it('stores a customer’s file outside the row and gives it back to them and to staff who may see the ticket', async () => {
    const ticketId = await jamieTicket();
    const file = pdf('order 4411 receipt');
    const uploaded = await upload(suite.as[JAMIE], ticketId, [file]);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual([expect.objectContaining({ ticketId, messageId: null, filename: 'receipt.pdf', contentType: 'application/pdf', size: file.bytes.length })]);
    const [{ id }] = uploaded.body;
    expect(await store.storedKeys(ticketId)).toEqual([`${ticketId}/${id}`]);
    const [row] = await suite.db.rows(`SELECT * FROM attachments WHERE id = $1`, [id]);
    expect(Object.keys(row)).not.toContain('content');

    for (const email of [JAMIE, ADMIN]) {
      const response = await fetch(`${suite.api.baseUrl}/api/attachments/${id}`, { headers: suite.as[email].credentials });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''receipt.pdf`);
      expect(Buffer.from(await response.arrayBuffer()).equals(file.bytes)).toBe(true);
    }
    expect((await suite.as[JAMIE].get(`/api/tickets/${ticketId}/attachments`)).body).toHaveLength(1);
    expect((await suite.db.rows(`SELECT description FROM tickets WHERE id = $1`, [ticketId]))[0].description).not.toContain('receipt');
  });

  it('hides a ticket’s files from everyone who may not see the ticket (404, as for the ticket)', async () => {
    const ticketId = await jamieTicket();
    const [{ id }] = (await upload(suite.as[JAMIE], ticketId, [pdf('private')])).body;
    // Another customer, and an agent whose team does not hold the (unrouted) ticket.
    for (const email of [LUCIA, 'ana.agent@smartdesk.example']) {
      expect((await suite.as[email].get(`/api/attachments/${id}`)).status).toBe(404);
      expect((await suite.as[email].get(`/api/tickets/${ticketId}/attachments`)).status).toBe(404);
      expect((await upload(suite.as[email], ticketId, [pdf('x')])).status).toBe(404);
    }
    expect((await suite.api.get(`/api/attachments/${id}`)).status).toBe(401);
  });

  it('keeps the files of internal notes from the customer', async () => {
    const ticketId = await jamieTicket();
    const note = await suite.as[ADMIN].post(`/api/tickets/${ticketId}/messages`, { body: 'Carrier claim form attached.', internal: true });
    const [{ id }] = (await upload(suite.as[ADMIN], ticketId, [pdf('claim form')], { messageId: note.body.id })).body;
    expect((await suite.as[ADMIN].get(`/api/tickets/${ticketId}/attachments`)).body.map((a: { id: string }) => a.id)).toContain(id);
    expect((await suite.as[JAMIE].get(`/api/tickets/${ticketId}/attachments`)).body).toEqual([]);
    expect((await suite.as[JAMIE].get(`/api/attachments/${id}`)).status).toBe(404);
    // Nor may a customer attach to a note.
    expect((await upload(suite.as[JAMIE], ticketId, [pdf('x')], { messageId: note.body.id })).status).toBe(422);
  });

  it('takes files with a portal submission (multipart, also anonymous), and keeps JSON intake as it was', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(sampleTicket({ customerEmail: 'walkin@example.com', metadata: undefined }))) if (value !== undefined) form.append(name, String(value));
    form.append('metadata', JSON.stringify({ orderId: '4411' }));
    form.append('files', new Blob([Buffer.from('%PDF-1.4 photo %%EOF')], { type: 'application/pdf' }), 'damage.pdf');
    const response = await fetch(`${suite.api.baseUrl}/api/tickets`, { method: 'POST', body: form });
    const created = (await response.json()) as any;
    expect(response.status).toBe(201);
    expect(created.attachments).toEqual([expect.objectContaining({ filename: 'damage.pdf', ticketId: created.id })]);
    const [ticket] = await suite.db.rows(`SELECT metadata, channel FROM tickets WHERE id = $1`, [created.id]);
    expect(ticket).toEqual({ metadata: { orderId: '4411' }, channel: 'web' });

    const refused = new FormData();
    for (const [name, value] of Object.entries(sampleTicket({ customerEmail: 'walkin2@example.com' }))) refused.append(name, String(value));
    refused.append('files', new Blob([Buffer.from('MZ')], { type: 'application/x-msdownload' }), 'tool.exe');
    expect((await fetch(`${suite.api.baseUrl}/api/tickets`, { method: 'POST', body: refused })).status).toBe(415);
    expect(await suite.db.count('tickets', `customer_email = 'walkin2@example.com'`)).toBe(0);

    const json = await suite.api.post('/api/tickets', sampleTicket({ customerEmail: 'json@example.com' }));
    expect(json.status).toBe(201);
    expect(json.body.attachments).toEqual([]);
  });

  it('refuses a file whose bytes contradict its declared type or name, saying what they are', async () => {
    const ticketId = await jamieTicket();
    const elf = { name: 'photo.png', type: 'image/png', bytes: Buffer.from('7f454c4602010100000000000000000002003e00', 'hex') };
    const refused = await upload(suite.as[JAMIE], ticketId, [pdf('fine'), elf]);
    expect(refused.status).toBe(415);
    expect(refused.body.message).toBe('photo.png is declared image/png but its bytes are application/x-executable');
    const html = { name: 'receipt.pdf', type: 'application/pdf', bytes: Buffer.from('<!doctype html><script>fetch("/api/tickets")</script>') };
    expect((await upload(suite.as[JAMIE], ticketId, [html])).body.message).toBe('receipt.pdf is declared application/pdf but its bytes are text/html');
    const svg = { name: 'logo.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') };
    expect((await upload(suite.as[JAMIE], ticketId, [svg])).status).toBe(415);
    expect(await suite.db.count('attachments', 'ticket_id = $1', [ticketId])).toBe(0);
    expect(await store.storedKeys(ticketId).catch(() => [])).toEqual([]);

    const portal = new FormData();
    for (const [name, value] of Object.entries(sampleTicket({ customerEmail: 'sniffed@example.com' }))) portal.append(name, String(value));
    portal.append('files', new Blob([Buffer.from('MZ\x90\x00\x03')], { type: 'application/pdf' }), 'invoice.pdf');
    const response = await fetch(`${suite.api.baseUrl}/api/tickets`, { method: 'POST', body: portal });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toBe('invoice.pdf is declared application/pdf but its bytes are application/x-msdownload');
    expect(await suite.db.count('tickets', `customer_email = 'sniffed@example.com'`)).toBe(0);
  });

  it('stores what the bytes are and shows only raster images inline, never letting the browser guess', async () => {
    const ticketId = await jamieTicket();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const uploaded = await upload(suite.as[JAMIE], ticketId, [{ name: 'photo.png', type: 'application/octet-stream', bytes: png }, pdf('receipt')]);
    expect(uploaded.body.map((file: { contentType: string }) => file.contentType)).toEqual(['image/png', 'application/pdf']);
    const served: Response[] = await Promise.all(uploaded.body.map(({ id }: { id: string }) => fetch(`${suite.api.baseUrl}/api/attachments/${id}`, { headers: suite.as[JAMIE].credentials })));
    expect(served.map((response) => [response.headers.get('content-type'), response.headers.get('content-disposition'), response.headers.get('x-content-type-options')])).toEqual([
      ['image/png', `inline; filename*=UTF-8''photo.png`, 'nosniff'],
      ['application/pdf', `attachment; filename*=UTF-8''receipt.pdf`, 'nosniff'],
    ]);
  });

  it('reports its store on /health', async () => {
    expect((await suite.api.get('/health')).body.details.attachments).toEqual({ status: 'up', store: storeId });
  });

  it('never logs a secret', async () => {
    await upload(suite.as[JAMIE], await jamieTicket(), [pdf('logged?')]);
    const secrets = [suite.env.vars.JWT_SECRET, store.vars.S3_SECRET_ACCESS_KEY].filter(Boolean);
    expect(secrets.length).toBe(storeId === 's3' ? 2 : 1);
    for (const secret of secrets) expect(suite.gateway.output.join('\n')).not.toContain(secret);
  });

  it('refuses files over the limits with a clear status, and stores none of the request', async () => {
    const ticketId = await jamieTicket();
    const tooBig = await upload(suite.as[JAMIE], ticketId, [{ name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.alloc(MAX_BYTES + 1, 1) }]);
    expect(tooBig.status).toBe(413);
    const wrongType = await upload(suite.as[JAMIE], ticketId, [pdf('fine'), { name: 'tool.exe', type: 'application/x-msdownload', bytes: Buffer.from('MZ') }]);
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.message).toContain('application/x-msdownload');
    expect((await upload(suite.as[JAMIE], ticketId, [{ name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) }])).status).toBe(422);
    expect((await upload(suite.as[JAMIE], ticketId, [])).status).toBe(422);
    const badMessage = await upload(suite.as[JAMIE], ticketId, [pdf('x')], { messageId: 'not-a-uuid' });
    expect(badMessage.status).toBe(400);
    expect(await suite.db.count('attachments', 'ticket_id = $1', [ticketId])).toBe(0);
  });
});

describe('S3 attachment store check', () => {
  const s3 = new S3Server('smartdesk-present');
  beforeAll(() => s3.start());
  afterAll(() => s3.stop());

  it('passes for an existing bucket and names a missing one', async () => {
    await expect(new S3AttachmentStore(loadEnvironment(s3.vars)).check()).resolves.toBeUndefined();
    const missing = new S3AttachmentStore(loadEnvironment({ ...s3.vars, S3_BUCKET: 'smartdesk-absent' }));
    await expect(missing.check()).rejects.toThrow('bucket smartdesk-absent: NotFound (HTTP 404)');
  });
});
