import { Global, Module } from '@nestjs/common';
import { ChromaService } from './chroma.service';
import { EMBEDDING_PROVIDER } from './embedding/embedding-provider';
import { HashingEmbeddingProvider } from './embedding/hashing-embedding.provider';

@Global()
@Module({
  providers: [{ provide: EMBEDDING_PROVIDER, useFactory: () => new HashingEmbeddingProvider() }, ChromaService],
  exports: [ChromaService, EMBEDDING_PROVIDER],
})
export class VectorStoreModule {}
