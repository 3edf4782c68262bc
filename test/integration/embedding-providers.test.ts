import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnvironment, SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { KbIndexerService, KnowledgeModule, KnowledgeRetrieverService } from '@smartdesk/knowledge';
import { ChromaService, createEmbeddingProvider, VectorStoreModule } from '@smartdesk/vector-store';
import { FAKE_DIMENSION, fakeEmbedding, startFakeOpenAI } from '../support/fake-openai-server';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { Db } from './helpers/database';

const KB_SOURCE = join(__dirname, '../../kb');
const ARTICLES = ['it_network/vpn-cannot-connect', 'account_access/reset-your-password', 'shipping/track-your-order'];
const API_KEY = 'sk-test-key';

/** The OpenAI-compatible provider against a loopback server, and switching providers in the kb index. */
describe('embedding providers', () => {
  let openai: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let env: TestEnvironment;
  let db: Db;
  let kbDir: string;
  const apps: INestApplicationContext[] = [];
  const savedEnv = { ...process.env };
  const openaiSettings = (overrides: Record<string, string> = {}) =>
    loadEnvironment({ EMBEDDING_PROVIDER: 'openai', OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: API_KEY, EMBEDDING_MODEL: 'fake-embed', ...overrides });

  beforeAll(async () => {
    openai = await startFakeOpenAI(API_KEY);
    env = await createTestEnvironment('int_providers');
    db = await Db.connect(env.databaseUrl);
    kbDir = mkdtempSync(join(tmpdir(), 'smartdesk-kb-'));
    for (const id of ARTICLES) {
      mkdirSync(dirname(join(kbDir, `${id}.md`)), { recursive: true });
      copyFileSync(join(KB_SOURCE, `${id}.md`), join(kbDir, `${id}.md`));
    }
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.end();
    await env?.cleanup();
    await openai?.close();
    if (kbDir) rmSync(kbDir, { recursive: true, force: true });
    process.env = savedEnv;
  });

  beforeEach(() => openai.requests.splice(0));

  it('probes the dimension once, sending the model, the key and plain-float encoding', async () => {
    const provider = await createEmbeddingProvider(openaiSettings());
    expect(provider.id).toBe('openai-fake-embed');
    expect(provider.dimension).toBe(FAKE_DIMENSION);
    expect(openai.requests).toHaveLength(1);
    const [probe] = openai.requests;
    expect(probe.path).toBe('/v1/embeddings');
    expect(probe.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(probe.body).toMatchObject({ model: 'fake-embed', encoding_format: 'float' });
    expect(probe.body.dimensions).toBeUndefined();
  });

  it('sends a batch of texts and returns the server’s vectors, in order', async () => {
    const provider = await createEmbeddingProvider(openaiSettings({ EMBEDDING_DIMENSIONS: String(FAKE_DIMENSION) }));
    // With the dimension configured there is no probe call.
    expect(openai.requests).toHaveLength(0);
    const texts = ['VPN keeps dropping', 'reset my password', 'where is my parcel'];
    expect(await provider.embed(texts)).toEqual(texts.map(fakeEmbedding));
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0].body).toMatchObject({ model: 'fake-embed', input: texts, dimensions: FAKE_DIMENSION, encoding_format: 'float' });
  });

  it('rejects vectors of another size than the collection’s', async () => {
    const provider = await createEmbeddingProvider(openaiSettings());
    await expect(provider.embed(['this answer is wrong-size'])).rejects.toThrow(/3 dimensions, expected 8/);
  });

  it('fails to start with the server’s reason when the key is refused', async () => {
    await expect(createEmbeddingProvider(openaiSettings({ OPENAI_API_KEY: 'sk-wrong' }))).rejects.toThrow(/401|invalid api key/i);
  });

  it('indexes the kb through the endpoint into its own collection, and switching provider re-indexes', async () => {
    const boot = async (provider: Record<string, string>) => {
      Object.assign(process.env, env.vars, { LOG_LEVEL: 'warn', KB_DIR: kbDir }, provider);
      const moduleRef = await Test.createTestingModule({ imports: [SmartdeskConfigModule, DatabaseModule, VectorStoreModule, KnowledgeModule] }).compile();
      moduleRef.useLogger(['error', 'warn']);
      const app = await moduleRef.init();
      apps.push(app);
      return app;
    };
    const viaOpenAI = await boot({ EMBEDDING_PROVIDER: 'openai', OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: API_KEY, EMBEDDING_MODEL: 'fake-embed' });
    const openaiCollection = viaOpenAI.get(ChromaService).collectionName('kb');
    expect(openaiCollection).toBe(`${env.vars.CHROMA_COLLECTION_PREFIX}-kb-openai-fake-embed-${FAKE_DIMENSION}`);

    const first = await viaOpenAI.get(KbIndexerService).sync();
    expect(first).toMatchObject({ added: ARTICLES.length });
    const embedded = openai.requests.flatMap((request) => request.body.input);
    expect(embedded.some((text) => /VPN/.test(text))).toBe(true);
    expect(await viaOpenAI.get(ChromaService).count('kb')).toBe(first.chunks);
    const [hit] = await viaOpenAI.get(KnowledgeRetrieverService).search({ text: 'my VPN keeps disconnecting', language: 'en' });
    expect(hit.article.id).toBe('it_network/vpn-cannot-connect');
    // The query went through the endpoint too.
    expect(openai.requests.at(-1)!.body.input).toEqual(['my VPN keeps disconnecting']);

    const offline = await boot({ EMBEDDING_PROVIDER: 'hashing' });
    const switched = await offline.get(KbIndexerService).sync();
    // The articles did not change (no new version); the new provider's collection gets every one.
    expect(switched).toMatchObject({ added: 0, updated: 0, unchanged: ARTICLES.length, indexed: ARTICLES.length, chunks: first.chunks });
    const rows = await db.rows<{ collection: string; version: number }>('SELECT collection, version FROM kb_articles');
    expect(rows.every((row) => row.collection === `${env.vars.CHROMA_COLLECTION_PREFIX}-kb-hashing-v1-768` && row.version === 1)).toBe(true);
    const [offlineHit] = await offline.get(KnowledgeRetrieverService).search({ text: 'my VPN keeps disconnecting', language: 'en' });
    expect(offlineHit.article.id).toBe('it_network/vpn-cannot-connect');
  });
});
