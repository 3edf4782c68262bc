export * from './embedding/embedding-provider';
export * from './embedding/hashing-embedding.provider';
export * from './chroma.service';
export * from './vector-store.module';
