import { Module } from '@nestjs/common';
import { KbIndexerService } from './kb-indexer.service';
import { KnowledgeRetrieverService } from './knowledge-retriever.service';
import { HybridRetrieverService } from './retrieval/hybrid-retriever.service';

/** Needs DatabaseModule and VectorStoreModule (both global) in the importing app. */
@Module({
  providers: [KbIndexerService, KnowledgeRetrieverService, HybridRetrieverService],
  exports: [KbIndexerService, KnowledgeRetrieverService, HybridRetrieverService],
})
export class KnowledgeModule {}
