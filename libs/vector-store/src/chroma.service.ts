import { Inject, Injectable } from '@nestjs/common';
import { ChromaClient, Collection, Metadata, Where } from 'chromadb';
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

/** Records per Chroma request: well under the server's maximum batch size. */
const BATCH = 500;

/** Chroma collections addressed by purpose (`kb`, later `tickets`), one per embedding provider and dimension. */
@Injectable()
export class ChromaService {
  private readonly client: ChromaClient;
  private readonly prefix: string;
  private readonly collections = new Map<string, Promise<Collection>>();

  constructor(
    env: Environment,
    @Inject(EMBEDDING_PROVIDER) readonly embeddings: EmbeddingProvider,
  ) {
    const url = new URL(env.CHROMA_URL);
    this.client = new ChromaClient({ host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), ssl: url.protocol === 'https:' });
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

  /** Records by id with their cosine similarity to `embedding` (for hits another index found), computed by Chroma. */
  scoreByIds(purpose: string, ids: string[], embedding: number[]): Promise<VectorHit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.nearest(purpose, { queryEmbeddings: [embedding], ids, nResults: ids.length });
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

  queryByVector(purpose: string, embedding: number[], limit: number, where?: Where): Promise<VectorHit[]> {
    return this.nearest(purpose, { queryEmbeddings: [embedding], nResults: limit, where });
  }

  private async nearest(purpose: string, query: { queryEmbeddings: number[][]; nResults: number; where?: Where; ids?: string[] }): Promise<VectorHit[]> {
    const collection = await this.collection(purpose);
    // No documents: a search reads dozens of candidates, and their text is most of what Chroma would send.
    const result = await collection.query({ ...query, include: ['metadatas', 'distances'] });
    const ids = result.ids[0] ?? [];
    return ids.map((id, i) => ({
      id,
      metadata: (result.metadatas[0]?.[i] ?? {}) as Metadata,
      // Chroma's cosine space returns distance = 1 - similarity.
      score: 1 - (result.distances[0]?.[i] ?? 1),
    }));
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
