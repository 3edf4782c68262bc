import { Global, Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { ChromaService } from './chroma.service';
import { EMBEDDING_PROVIDER } from './embedding/embedding-provider';
import { createEmbeddingProvider } from './embedding/embedding-provider.factory';

/** Chroma plus the embedding provider EMBEDDING_PROVIDER names (loaded once, at module init). */
@Global()
@Module({
  providers: [{ provide: EMBEDDING_PROVIDER, inject: [Environment], useFactory: (env: Environment) => createEmbeddingProvider(env) }, ChromaService],
  exports: [ChromaService, EMBEDDING_PROVIDER],
})
export class VectorStoreModule {}
