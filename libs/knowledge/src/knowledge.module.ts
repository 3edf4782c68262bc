import { Module } from '@nestjs/common';
import { KbArticleStore } from './kb-article.store';
import { KbFileSyncService } from './kb-file-sync.service';
import { KbIndexerService } from './kb-indexer.service';
import { KbWatcherService } from './kb-watcher.service';
import { KnowledgeRetrieverService } from './knowledge-retriever.service';
import { HybridRetrieverService } from './retrieval/hybrid-retriever.service';

/** Needs DatabaseModule and VectorStoreModule (both global) in the importing app. */
@Module({
  providers: [KbArticleStore, KbFileSyncService, KbIndexerService, KbWatcherService, KnowledgeRetrieverService, HybridRetrieverService],
  exports: [KbArticleStore, KbFileSyncService, KbIndexerService, KbWatcherService, KnowledgeRetrieverService, HybridRetrieverService],
})
export class KnowledgeModule {}
