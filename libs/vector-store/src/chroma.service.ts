import { Inject, Injectable } from '@nestjs/common';
import { ChromaClient, Collection, Metadata, Where } from 'chromadb';
import { MicroBatcher } from '@smartdesk/batching';
import { Environment } from '@smartdesk/config';
import { EMBEDDING_PROVIDER, EmbeddingProvider } from './embedding/embedding-provider';

export interface VectorRecord {
  id: string;
  document: string;
  metadata: Metadata;
}

/** A nearest neighbour: its id and metadata, not its text (callers that show text read it from the store of record). */
export interface VectorHit {
  id: string;
  metadata: Metadata;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

/** Queries per Chroma request, and requests in flight per query shape. */
const QUERY_BATCHING = { maxBatch: 32, maxInFlight: 2 };
const MAX_QUERY_SHAPES = 256;

/**
 * The client's default body serializer passes JSON.stringify a replacer (for bigints, which we never send),
 * called on every number: with a batch of 868-dimension query embeddings that doubled a worker's cost of a
 * query. The client spreads its fetch options into its request config, where a serializer can be set.
 */
const PLAIN_JSON_BODIES = { bodySerializer: (body: unknown) => JSON.stringify(body) } as RequestInit;

/** Records per Chroma request: well under the server's maximum batch size. */
const BATCH = 500;

/** Chroma collections addressed by purpose (`kb`, later `tickets`), one per embedding provider and dimension. */
@Injectable()
export class ChromaService {
  private readonly client: ChromaClient;
  private readonly prefix: string;
  private readonly collections = new Map<string, Promise<Collection>>();
  private readonly queryBatchers = new Map<string, MicroBatcher<number[], VectorHit[]>>();

  constructor(
    env: Environment,
    @Inject(EMBEDDING_PROVIDER) readonly embeddings: EmbeddingProvider,
  ) {
    const url = new URL(env.CHROMA_URL);
    this.client = new ChromaClient({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      ssl: url.protocol === 'https:',
      fetchOptions: PLAIN_JSON_BODIES,
    });
    this.prefix = env.CHROMA_COLLECTION_PREFIX;
  }

  collectionName(purpose: string): string {
    return `${this.prefix}-${purpose}-${this.embeddings.id}-${this.embeddings.dimension}`;
  }

  heartbeat(): Promise<number> {
    return this.client.heartbeat();
  }

  async upsert(purpose: string, records: VectorRecord[]): Promise<void> {
    if (records.length === 0) return;
    const collection = await this.collection(purpose);
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const embeddings = await this.embeddings.embed(batch.map((record) => record.document));
      await collection.upsert({
        ids: batch.map((record) => record.id),
        embeddings,
        documents: batch.map((record) => record.document),
        metadatas: batch.map((record) => record.metadata),
      });
    }
  }

  /** Every record of a collection, a page at a time (for indexes kept beside Chroma, such as BM25). */
  async *scan(purpose: string): AsyncGenerator<VectorRecord[]> {
    const collection = await this.collection(purpose);
    for (let offset = 0; ; offset += BATCH) {
      const page = await collection.get({ limit: BATCH, offset, include: ['documents', 'metadatas'] });
      if (page.ids.length > 0) yield page.ids.map((id, i) => ({ id, document: page.documents[i] ?? '', metadata: (page.metadatas[i] ?? {}) as Metadata }));
      if (page.ids.length < BATCH) return;
    }
  }

  /** Records by id (without metadata) with their cosine similarity to `embedding`, computed by Chroma: for hits another index found. */
  scoreByIds(purpose: string, ids: string[], embedding: number[]): Promise<VectorHit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.nearest(purpose, { queryEmbeddings: [embedding], ids, nResults: ids.length }, false).then(([hits]) => hits);
  }

  async deleteWhere(purpose: string, where: Where): Promise<void> {
    await (await this.collection(purpose)).delete({ where });
  }

  async count(purpose: string): Promise<number> {
    return (await this.collection(purpose)).count();
  }

  async query(purpose: string, text: string, limit: number, where?: Where): Promise<VectorHit[]> {
    const [embedding] = await this.embeddings.embed([text]);
    return this.queryByVector(purpose, embedding, limit, where);
  }

  /**
   * The `limit` nearest records. Queries made at once with the same shape (a worker's concurrent jobs) go
   * to Chroma as one request: per-request work, not distance computing, dominates Chroma's cost here.
   * `metadata: false` returns ids and scores only, for callers that hold the metadata themselves.
   */
  queryByVector(purpose: string, embedding: number[], limit: number, where?: Where, options: { metadata: boolean } = { metadata: true }): Promise<VectorHit[]> {
    const shape = JSON.stringify([purpose, limit, where ?? null, options.metadata]);
    let batcher = this.queryBatchers.get(shape);
    if (!batcher) {
      // Shapes come from a few filters; a runaway set is simply started afresh.
      if (this.queryBatchers.size >= MAX_QUERY_SHAPES) this.queryBatchers.clear();
      batcher = new MicroBatcher((embeddings) => this.nearest(purpose, { queryEmbeddings: embeddings, nResults: limit, where }, options.metadata), QUERY_BATCHING);
      this.queryBatchers.set(shape, batcher);
    }
    return batcher.submit(embedding);
  }

  /** One hit list per query embedding. No documents: a search reads dozens of candidates, and their text is most of what Chroma would send. */
  private async nearest(purpose: string, query: { queryEmbeddings: number[][]; nResults: number; where?: Where; ids?: string[] }, metadata = true): Promise<VectorHit[][]> {
    const collection = await this.collection(purpose);
    const result = await collection.query({ ...query, include: metadata ? ['metadatas', 'distances'] : ['distances'] });
    return result.ids.map((ids, q) =>
      ids.map((id, i) => ({
        id,
        metadata: (result.metadatas[q]?.[i] ?? {}) as Metadata,
        // Chroma's cosine space returns distance = 1 - similarity.
        score: 1 - (result.distances[q]?.[i] ?? 1),
      })),
    );
  }

  async dropCollection(purpose: string): Promise<void> {
    const name = this.collectionName(purpose);
    this.collections.delete(name);
    await this.client.deleteCollection({ name }).catch(() => undefined);
  }

  private collection(purpose: string): Promise<Collection> {
    const name = this.collectionName(purpose);
    let collection = this.collections.get(name);
    if (!collection) {
      // Vectors are always computed here and passed in, so Chroma needs no embedding function of its own.
      collection = this.client.getOrCreateCollection({ name, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
      collection.catch(() => this.collections.delete(name));
      this.collections.set(name, collection);
    }
    return collection;
  }
}
