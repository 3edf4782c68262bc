import { Module } from '@nestjs/common';
import { KbIndexerService } from './kb-indexer.service';
import { KnowledgeRetrieverService } from './knowledge-retriever.service';
import { HybridRetrieverService } from './retrieval/hybrid-retriever.service';
import { SolvedTicketIndexer } from './solved-tickets/solved-ticket-indexer.service';
import { SolvedTicketRetriever } from './solved-tickets/solved-ticket-retriever.service';

/** Needs DatabaseModule and VectorStoreModule (both global) in the importing app. */
@Module({
  providers: [KbIndexerService, KnowledgeRetrieverService, HybridRetrieverService, SolvedTicketIndexer, SolvedTicketRetriever],
  exports: [KbIndexerService, KnowledgeRetrieverService, HybridRetrieverService, SolvedTicketIndexer, SolvedTicketRetriever],
})
export class KnowledgeModule {}
