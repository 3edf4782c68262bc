import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { ChromaService, EMBEDDING_PROVIDER, EmbeddingProvider, VectorStoreModule } from '@smartdesk/vector-store';
import { LatencySummary, round, summarize } from '../stats';
import { chunkTexts, ticketPayloads } from '../synthetic-text';
import { measureBareChromaQuery } from './bare-chroma-query.measurement';

const PURPOSE = 'bench-chunks';
const UPSERT_BATCH = 1000;
/** What the knowledge retriever asks Chroma for (3 articles × 4 chunks). */
const LIMIT = 12;
const WARMUP = 20;
const LANGUAGES = ['en', 'es', 'fr', 'de'];

export interface RetrievalSize {
  chunks: number;
  /** Time to embed and add the chunks that took the collection to this size. */
  indexMs: number;
  /** Embedding the query and querying Chroma through the app's ChromaService. */
  queryMs: LatencySummary;
  /** The Chroma client alone, vectors computed beforehand. */
  bareQueryMs: LatencySummary;
}

export interface RetrievalResult {
  embeddingProvider: string;
  sizes: RetrievalSize[];
}

/**
 * Query latency at growing collection sizes. The app side is the vector-store library itself, wired
 * by Nest the way the rag-worker wires it, so it uses whichever EmbeddingProvider that module provides.
 */
export async function measureRetrieval(vars: { CHROMA_URL: string; CHROMA_COLLECTION_PREFIX: string }, sizes: number[], queries: number, log: (line: string) => void): Promise<RetrievalResult> {
  Object.assign(process.env, vars);
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    { module: class RetrievalBenchModule {}, imports: [SmartdeskConfigModule, VectorStoreModule] },
    { logger: ['error', 'warn'] },
  );
  try {
    const chroma = app.get(ChromaService);
    const provider = app.get<EmbeddingProvider>(EMBEDDING_PROVIDER);
    const nextTicket = ticketPayloads(11);
    const texts = Array.from({ length: queries }, () => {
      const ticket = nextTicket();
      return `${ticket.subject}\n${ticket.description}`;
    });
    const vectors = await provider.embed(texts);
    const nextChunk = chunkTexts(5);
    const results: RetrievalSize[] = [];
    let indexed = 0;
    for (const size of sizes) {
      const started = performance.now();
      while (indexed < size) {
        const batch = Array.from({ length: Math.min(UPSERT_BATCH, size - indexed) }, (_, i) => {
          const n = indexed + i;
          return { id: `chunk-${n}`, document: nextChunk(), metadata: { articleId: `bench/${n % 2000}`, language: LANGUAGES[n % LANGUAGES.length], chunk: n } };
        });
        await chroma.upsert(PURPOSE, batch);
        indexed += batch.length;
        if (indexed % 10_000 === 0) log(`retrieval: ${indexed}/${size} chunks indexed`);
      }
      const indexMs = round(performance.now() - started, 0);
      for (const text of texts.slice(0, WARMUP)) await chroma.query(PURPOSE, text, LIMIT);
      const latencies: number[] = [];
      for (const text of texts) {
        const t0 = performance.now();
        await chroma.query(PURPOSE, text, LIMIT);
        latencies.push(performance.now() - t0);
      }
      const bareQueryMs = await measureBareChromaQuery(vars.CHROMA_URL, chroma.collectionName(PURPOSE), vectors, LIMIT, WARMUP);
      results.push({ chunks: size, indexMs, queryMs: summarize(latencies), bareQueryMs });
      log(`retrieval at ${size} chunks: p50 ${results.at(-1)!.queryMs.p50} ms, p95 ${results.at(-1)!.queryMs.p95} ms (bare ${bareQueryMs.p50}/${bareQueryMs.p95})`);
    }
    await chroma.dropCollection(PURPOSE);
    return { embeddingProvider: `${provider.id} (${provider.dimension}-d)`, sizes: results };
  } finally {
    await app.close();
  }
}
