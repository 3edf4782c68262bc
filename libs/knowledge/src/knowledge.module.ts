import { Module } from '@nestjs/common';
import { KbArticleStore } from './kb-article.store';
import { KbFileSyncService } from './kb-file-sync.service';
import { KbIndexerService } from './kb-indexer.service';
import { KbWatcherService } from './kb-watcher.service';
import { KnowledgeRetrieverService } from './knowledge-retriever.service';
import { HybridRetrieverService } from './retrieval/hybrid-retriever.service';
import { SolvedTicketIndexer } from './solved-tickets/solved-ticket-indexer.service';
import { SolvedTicketRetriever } from './solved-tickets/solved-ticket-retriever.service';

/** Needs DatabaseModule and VectorStoreModule (both global) in the importing app. */
@Module({
  providers: [KbArticleStore, KbFileSyncService, KbIndexerService, KbWatcherService, KnowledgeRetrieverService, HybridRetrieverService, SolvedTicketIndexer, SolvedTicketRetriever],
  exports: [KbArticleStore, KbFileSyncService, KbIndexerService, KbWatcherService, KnowledgeRetrieverService, HybridRetrieverService, SolvedTicketIndexer, SolvedTicketRetriever],
})
export class KnowledgeModule {}
