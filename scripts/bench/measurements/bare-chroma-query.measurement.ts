import { ChromaClient } from 'chromadb';
import { LatencySummary, summarize } from '../stats';

/**
 * Bare limit of retrieval: the Chroma client alone querying a collection with vectors computed
 * beforehand (no embedding, no app code), the same result size and fields as the app asks for.
 */
export async function measureBareChromaQuery(chromaUrl: string, collectionName: string, vectors: number[][], limit: number, warmup: number): Promise<LatencySummary> {
  const url = new URL(chromaUrl);
  const client = new ChromaClient({ host: url.hostname, port: Number(url.port || 80), ssl: url.protocol === 'https:' });
  const collection = await client.getCollection({ name: collectionName, embeddingFunction: null as never });
  const query = (vector: number[]) => collection.query({ queryEmbeddings: [vector], nResults: limit, include: ['metadatas', 'distances'] });
  for (const vector of vectors.slice(0, warmup)) await query(vector);
  const latencies: number[] = [];
  for (const vector of vectors) {
    const started = performance.now();
    await query(vector);
    latencies.push(performance.now() - started);
  }
  return summarize(latencies);
}
