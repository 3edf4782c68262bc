import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnvironment, SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { KbIndexerService, KnowledgeModule, KnowledgeRetrieverService, retrievalConfidence, RRF_K } from '@smartdesk/knowledge';
import { ChromaService, VectorStoreModule } from '@smartdesk/vector-store';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { Db } from './helpers/database';

const KB_SOURCE = join(__dirname, '../../kb');
const ARTICLES = [
  'shipping/track-your-order',
  'shipping/delayed-delivery',
  'billing/charged-twice',
  'account_access/reset-your-password',
  'it_network/vpn-cannot-connect',
  'billing/cobro-duplicado.es',
];

interface ArticleRow {
  id: string;
  version: number;
  chunk_count: number;
  content_hash: string;
  indexed_at: Date;
  collection: string;
}

/** Incremental kb/ indexing into a real Chroma, with the Nest modules the rag-worker uses, in process. */
describe('knowledge base indexing and retrieval', () => {
  let env: TestEnvironment;
  let app: INestApplicationContext | undefined;
  /** A second rag-worker replica: its own Chroma client, retriever and in-memory lexical index. */
  let replica: INestApplicationContext | undefined;
  let indexer: KbIndexerService;
  let retriever: KnowledgeRetrieverService;
  let chroma: ChromaService;
  let db: Db;
  let kbDir: string;
  const savedEnv = { ...process.env };

  const file = (id: string) => join(kbDir, `${id}.md`);
  const rows = async () => db.rows<ArticleRow>('SELECT id, version, chunk_count, content_hash, indexed_at, collection FROM kb_articles ORDER BY id');
  const rowOf = async (id: string) => (await rows()).find((row) => row.id === id);
  const chunkSum = async () => (await rows()).reduce((sum, row) => sum + row.chunk_count, 0);
  const expectConsistent = async (articleIds: string[]) => {
    const indexed = await rows();
    expect(indexed.map((row) => row.id)).toEqual([...articleIds].sort());
    expect(await chroma.count('kb')).toBe(indexed.reduce((sum, row) => sum + row.chunk_count, 0));
  };
  /** The chunks Chroma holds for one article (metadata filter), up to 50. */
  const chunksOf = (articleId: string) => chroma.query('kb', articleId, 50, { articleId });
  /** The texts Chroma holds for one article (searches return no text, so read them by scanning). */
  const textsOf = async (articleId: string) => {
    const texts: string[] = [];
    for await (const page of chroma.scan('kb')) texts.push(...page.filter((record) => record.metadata.articleId === articleId).map((record) => record.document));
    return texts;
  };

  beforeAll(async () => {
    env = await createTestEnvironment('int_knowledge');
    db = await Db.connect(env.databaseUrl);
    kbDir = mkdtempSync(join(tmpdir(), 'smartdesk-kb-'));
    for (const id of ARTICLES) {
      mkdirSync(dirname(file(id)), { recursive: true });
      copyFileSync(join(KB_SOURCE, `${id}.md`), file(id));
    }
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: env.vars.DATABASE_URL,
      CHROMA_URL: env.vars.CHROMA_URL,
      CHROMA_COLLECTION_PREFIX: env.vars.CHROMA_COLLECTION_PREFIX,
      KB_DIR: kbDir,
    });
    const boot = async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmartdeskConfigModule, DatabaseModule, VectorStoreModule, KnowledgeModule] }).compile();
      moduleRef.useLogger(['error', 'warn']);
      return moduleRef.init();
    };
    app = await boot();
    replica = await boot();
    indexer = app.get(KbIndexerService);
    retriever = app.get(KnowledgeRetrieverService);
    chroma = app.get(ChromaService);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await db?.end();
    await env?.cleanup();
    if (kbDir) rmSync(kbDir, { recursive: true, force: true });
    process.env = savedEnv;
  });

  it('first sync adds every article, one row each at version 1, and Chroma holds every chunk', async () => {
    const report = await indexer.sync();
    expect(report).toMatchObject({ added: 6, updated: 0, removed: 0, unchanged: 0, invalid: [], indexed: 6, unindexed: 0 });
    expect(report.chunks).toBeGreaterThan(0);

    const indexed = await rows();
    expect(indexed.map((row) => row.id)).toEqual([...ARTICLES].sort());
    for (const row of indexed) {
      expect(row.version).toBe(1);
      expect(row.chunk_count).toBeGreaterThan(0);
      expect(row.collection).toBe(chroma.collectionName('kb'));
    }
    expect(report.chunks).toBe(await chunkSum());
    expect(await chroma.count('kb')).toBe(report.chunks);

    const [spanish] = await db.rows('SELECT title, category, language, path, tags FROM kb_articles WHERE id = $1', ['billing/cobro-duplicado.es']);
    expect(spanish).toMatchObject({ title: 'Me han cobrado dos veces el mismo pedido', category: 'billing', language: 'es', tags: expect.arrayContaining(['cobro duplicado']) });
    expect(spanish.path).toMatch(/billing\/cobro-duplicado\.es\.md$/);
  });

  it('a second sync with nothing changed re-embeds nothing', async () => {
    const before = await rows();
    const report = await indexer.sync();
    expect(report).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 6, invalid: [], skipped: [], indexed: 0, unindexed: 0, chunks: 0 });
    expect(await rows()).toEqual(before);
    expect(await chroma.count('kb')).toBe(await chunkSum());
  });

  it('an edited article is re-embedded at version 2; the others are untouched', async () => {
    const edited = 'shipping/delayed-delivery';
    const before = await rows();
    appendFileSync(file(edited), '\nIf the carrier marks the parcel as lost, we send a replacement at no cost.\n');

    const report = await indexer.sync();
    expect(report).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 5, indexed: 1 });

    const after = await rows();
    const editedRow = after.find((row) => row.id === edited)!;
    expect(editedRow.version).toBe(2);
    expect(editedRow.content_hash).not.toBe(before.find((row) => row.id === edited)!.content_hash);
    expect(after.filter((row) => row.id !== edited)).toEqual(before.filter((row) => row.id !== edited));
    await expectConsistent(ARTICLES);

    const chunks = await chunksOf(edited);
    expect(chunks).toHaveLength(editedRow.chunk_count);
    expect(chunks.every((chunk) => chunk.metadata.version === 2)).toBe(true);
    expect((await textsOf(edited)).some((text) => text.includes('replacement at no cost'))).toBe(true);
  });

  it('a deleted article loses its row and its chunks', async () => {
    const deleted = 'shipping/track-your-order';
    const { chunk_count } = (await rowOf(deleted))!;
    const countBefore = await chroma.count('kb');
    rmSync(file(deleted));

    const report = await indexer.sync();
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 1, unchanged: 5, indexed: 0, unindexed: 1 });
    expect(await rowOf(deleted)).toBeUndefined();
    expect(await chroma.count('kb')).toBe(countBefore - chunk_count);
    expect(await chunksOf(deleted)).toEqual([]);
    await expectConsistent(ARTICLES.filter((id) => id !== deleted));
  });

  it('an invalid article (no title) is reported naming the file; its previous version stays, valid edits beside it apply', async () => {
    const remaining = ARTICLES.filter((id) => id !== 'shipping/track-your-order');
    const charged = 'billing/charged-twice';
    const chargedOriginal = readFileSync(file(charged), 'utf8');
    const before = await rowOf(charged);
    // The article loses its title: the indexed version 1 must stay.
    writeFileSync(file(charged), chargedOriginal.replace(/^title:.*$/m, ''));
    const vpn = 'it_network/vpn-cannot-connect';
    const vpnOriginal = readFileSync(file(vpn), 'utf8');
    appendFileSync(file(vpn), '\nAlso try switching the VPN protocol to TCP.\n');
    try {
      const report = await indexer.sync();
      expect(report.invalid).toEqual([{ path: 'kb/billing/charged-twice.md', problems: ["kb/billing/charged-twice.md: front matter needs 'title'"] }]);
      expect(report).toMatchObject({ updated: 1, removed: 0, indexed: 1 });
      expect(await rowOf(charged)).toEqual(before);
      expect((await rowOf(vpn))!.version).toBe(2);
      await expectConsistent(remaining);
    } finally {
      writeFileSync(file(charged), chargedOriginal);
      writeFileSync(file(vpn), vpnOriginal);
    }
    expect(await indexer.sync()).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 4, invalid: [] });
    expect((await rowOf(charged))!.version).toBe(1);
  });

  it('rebuilds every article when the Chroma collection was wiped, keeping versions', async () => {
    const before = await rows();
    await chroma.dropCollection('kb');
    expect(await chroma.count('kb')).toBe(0);

    const report = await indexer.sync();
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: before.length, indexed: before.length });
    expect(report.chunks).toBe(await chunkSum());
    const after = await rows();
    expect(after.map((row) => [row.id, row.version, row.content_hash])).toEqual(before.map((row) => [row.id, row.version, row.content_hash]));
    await expectConsistent(before.map((row) => row.id));
    expect(await indexer.sync()).toMatchObject({ added: 0, updated: 0, unchanged: before.length, indexed: 0 });
  });

  it('two concurrent syncs leave one consistent index and do the work once (advisory lock)', async () => {
    const restored = 'shipping/track-your-order';
    copyFileSync(join(KB_SOURCE, `${restored}.md`), file(restored));
    appendFileSync(file('account_access/reset-your-password'), '\nReset links expire after 30 minutes.\n');

    const reports = await Promise.all([indexer.sync(), indexer.sync()]);
    expect(reports.reduce((sum, report) => sum + report.added, 0)).toBe(1);
    expect(reports.reduce((sum, report) => sum + report.updated, 0)).toBe(1);
    expect(reports.some((report) => report.unchanged === ARTICLES.length)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.indexed, 0)).toBe(2);

    await expectConsistent(ARTICLES);
    const duplicates = await db.rows('SELECT id FROM kb_articles GROUP BY id HAVING count(*) > 1');
    expect(duplicates).toEqual([]);
    expect((await rowOf('account_access/reset-your-password'))!.version).toBe(2);
    // Deleted at version 2 earlier, back as version 3: history never repeats a number.
    expect((await rowOf(restored))!.version).toBe(3);
  });

  it('retrieves the VPN article first for an English VPN question', async () => {
    const hits = await retriever.search({ text: 'my VPN keeps disconnecting', language: 'en' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].article.id).toBe('it_network/vpn-cannot-connect');
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].score).toBeLessThanOrEqual(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    expect(new Set(hits.map((hit) => hit.article.id)).size).toBe(hits.length);
  });

  it('retrieves the Spanish duplicate-charge article first for a Spanish question', async () => {
    const hits = await retriever.search({ text: 'Me habéis cobrado dos veces el mismo pedido en la tarjeta', language: 'es' });
    expect(hits[0].article.id).toBe('billing/cobro-duplicado.es');
    expect(hits[0].article.language).toBe('es');
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].score).toBeLessThanOrEqual(1);
  });

  it('honours the limit', async () => {
    const hits = await retriever.search({ text: 'charged twice for my order', language: 'en', limit: 2 });
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits[0].article.category).toBe('billing');
  });

  it('is confident for a clear question and not for an off-topic one (a human takes over)', async () => {
    const threshold = loadEnvironment({}).RESPONSE_MIN_CONFIDENCE;
    const clear = await retriever.search({ text: 'My VPN keeps disconnecting every few minutes', language: 'en', category: 'it_network' });
    expect(retrievalConfidence(clear)).toBeGreaterThan(threshold);
    for (const text of ['What is a good recipe for banana bread with walnuts?', 'Can you recommend a good movie for tonight?']) {
      expect(retrievalConfidence(await retriever.search({ text, language: 'en' }))).toBeLessThan(threshold);
    }
  });

  it('filters by language and by category', async () => {
    const spanish = await retriever.search({ text: 'charged twice for my order', filter: { language: 'es' }, limit: 5 });
    expect(spanish.map((hit) => hit.article.id)).toEqual(['billing/cobro-duplicado.es']);
    const network = await retriever.search({ text: 'charged twice for my order', filter: { category: 'it_network' }, limit: 5 });
    expect(network.length).toBeGreaterThan(0);
    expect(network.every((hit) => hit.article.category === 'it_network')).toBe(true);
    expect(await retriever.search({ text: 'charged twice', filter: { category: 'billing', language: 'fr' } })).toEqual([]);
  });

  it('ranks by fusing dense and lexical rankings: an article first in both gets two first-place votes', async () => {
    const [best] = await retriever.search({ text: 'my VPN keeps disconnecting' });
    expect(best.article.id).toBe('it_network/vpn-cannot-connect');
    expect(best.fusedScore).toBeCloseTo(2 / (RRF_K + 1), 6);
  });

  it('another replica sees a kb change in its lexical index too, once the sync commits', async () => {
    const other = replica!.get(KnowledgeRetrieverService);
    const question = 'the quokkaflux adapter blinks orange';
    // The replica builds its lexical index now, before the change.
    expect((await other.search({ text: question })).map((hit) => hit.article.id)).not.toContain('it_network/quokkaflux-adapter');

    const added = 'it_network/quokkaflux-adapter';
    writeFileSync(
      file(added),
      '---\ntitle: Quokkaflux adapter blinks orange\ncategory: it_network\nlanguage: en\n---\nAn orange light on the quokkaflux adapter means it lost its uplink.\n\n1. Unplug the quokkaflux adapter for ten seconds.\n',
    );
    try {
      expect(await indexer.sync()).toMatchObject({ added: 1 });
      const [hit] = await other.search({ text: question });
      expect(hit.article.id).toBe(added);
      // First in the dense ranking and in the rebuilt BM25 ranking: the lexical index has the new chunk.
      expect(hit.fusedScore).toBeCloseTo(2 / (RRF_K + 1), 6);
      expect(hit.score).toBeGreaterThan(0.3);
    } finally {
      rmSync(file(added));
    }
    expect(await indexer.sync()).toMatchObject({ removed: 1 });
    expect((await other.search({ text: question })).map((hit) => hit.article.id)).not.toContain(added);
  });
});
