import { Inject, Injectable } from '@nestjs/common';
import { ChromaClient, Collection, Metadata, Where } from 'chromadb';
import { Environment } from '@smartdesk/config';
import { EMBEDDING_PROVIDER, EmbeddingProvider } from './embedding/embedding-provider';

export interface VectorRecord {
  id: string;
  document: string;
  metadata: Metadata;
}

export interface VectorHit {
  id: string;
  document: string;
  metadata: Metadata;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

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
    const embeddings = await this.embeddings.embed(records.map((record) => record.document));
    await collection.upsert({
      ids: records.map((record) => record.id),
      embeddings,
      documents: records.map((record) => record.document),
      metadatas: records.map((record) => record.metadata),
    });
  }

  async deleteWhere(purpose: string, where: Where): Promise<void> {
    await (await this.collection(purpose)).delete({ where });
  }

  async count(purpose: string): Promise<number> {
    return (await this.collection(purpose)).count();
  }

  async query(purpose: string, text: string, limit: number, where?: Where): Promise<VectorHit[]> {
    const collection = await this.collection(purpose);
    const [embedding] = await this.embeddings.embed([text]);
    const result = await collection.query({ queryEmbeddings: [embedding], nResults: limit, where, include: ['documents', 'metadatas', 'distances'] });
    const ids = result.ids[0] ?? [];
    return ids.map((id, i) => ({
      id,
      document: result.documents[0]?.[i] ?? '',
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
