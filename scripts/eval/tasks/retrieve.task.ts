import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Environment, loadEnvironment } from '@smartdesk/config';
import { HybridRetrieverService } from '@smartdesk/knowledge';
import { ChromaServer, ChromaService, createEmbeddingProvider, startChromaServer } from '@smartdesk/vector-store';
import { readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';

const PURPOSE = 'retrieve';
/** MRR is reported at this depth, whatever k is (EVAL.md's `mrr_at_10`). */
const MRR_DEPTH = 10;

/**
 * Indexes CORPUS through the configured embedding provider into a fresh Chroma collection (a server
 * from node_modules when CHROMA_URL is unset), then runs every query through the rag-worker's hybrid
 * retriever. A hit is relevant when its row's label equals the query's. The collection is removed after.
 */
export async function retrieve(corpusPath: string, queriesPath: string, k: number, chromaUrl: string | undefined) {
  const corpus = readLabelledCsv(corpusPath);
  const queries = readLabelledCsv(queriesPath);
  const env = loadEnvironment();
  // Progress goes to stderr (ours); the services' info logs would land on stdout before the JSON line.
  Logger.overrideLogger(['error', 'warn']);
  let server: ChromaServer | undefined;
  if (!chromaUrl) {
    console.error('starting a Chroma server from node_modules');
    server = await startChromaServer();
  }
  const settings = Object.assign(new Environment(), env, {
    CHROMA_URL: server?.url ?? chromaUrl,
    CHROMA_COLLECTION_PREFIX: `eval-${randomBytes(4).toString('hex')}`,
  });
  try {
    const provider = await createEmbeddingProvider(settings);
    const chroma = new ChromaService(settings, provider);
    const retriever = new HybridRetrieverService(chroma);
    try {
      console.error(`indexing ${corpus.length} rows with ${provider.id} into ${chroma.collectionName(PURPOSE)}`);
      const indexStarted = performance.now();
      await chroma.upsert(
        PURPOSE,
        corpus.map((row, i) => ({ id: String(i), document: row.text, metadata: { row: i } })),
      );
      const indexMs = performance.now() - indexStarted;
      // The first search builds the lexical index from the collection; keep that out of query latency.
      const lexicalStarted = performance.now();
      await retriever.search(PURPOSE, { text: queries[0].text, limit: k, version: 'eval' });
      const lexicalMs = performance.now() - lexicalStarted;

      let firstHits = 0;
      let reciprocalRanks = 0;
      let found = 0;
      const latencies: number[] = [];
      for (const [i, query] of queries.entries()) {
        const started = performance.now();
        const hits = await retriever.search(PURPOSE, { text: query.text, limit: k, version: 'eval' });
        latencies.push(performance.now() - started);
        const relevant = hits.map((hit) => corpus[Number(hit.metadata.row)].label === query.label);
        if (relevant[0]) firstHits++;
        const rank = relevant.slice(0, MRR_DEPTH).indexOf(true);
        if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
        if (relevant.includes(true)) found++;
        if ((i + 1) % 500 === 0) console.error(`${i + 1}/${queries.length} queries`);
      }
      latencies.sort((a, b) => a - b);
      return {
        task: 'retrieve',
        n: queries.length,
        k,
        corpus: corpus.length,
        provider: provider.id,
        p_at_1: round(firstHits / queries.length),
        mrr_at_10: round(reciprocalRanks / queries.length),
        [`hit_at_${k}`]: round(found / queries.length),
        index_ms: Math.round(indexMs),
        index_chunks_per_s: Math.round(corpus.length / (indexMs / 1000)),
        lexical_index_ms: Math.round(lexicalMs),
        query_ms_p50: round(percentile(latencies, 0.5), 2),
        query_ms_p95: round(percentile(latencies, 0.95), 2),
      };
    } finally {
      await chroma.dropCollection(PURPOSE);
    }
  } finally {
    server?.stop();
  }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
