import { Module } from '@nestjs/common';
import { KbIndexerService } from './kb-indexer.service';
import { KnowledgeRetrieverService } from './knowledge-retriever.service';

/** Needs DatabaseModule and VectorStoreModule (both global) in the importing app. */
@Module({
  providers: [KbIndexerService, KnowledgeRetrieverService],
  exports: [KbIndexerService, KnowledgeRetrieverService],
})
export class KnowledgeModule {}
