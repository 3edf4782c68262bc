import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { KnowledgeModule } from '@smartdesk/knowledge';
import { LlmModule } from '@smartdesk/llm';
import { QueueModule } from '@smartdesk/runtime';
import { VectorStoreModule } from '@smartdesk/vector-store';
import { LanguageDetector } from '@smartdesk/nlp';
import { ReplyWriter } from './reply-writer.service';
import { RAG_PROCESSORS } from './processors';

@Module({
  imports: [
    SmartdeskConfigModule,
    DatabaseModule,
    VectorStoreModule,
    KnowledgeModule,
    LlmModule,
    QueueModule.forRoot('worker'),
    BullModule.registerQueue({ name: QueueName.RagResponse }, { name: QueueName.Knowledge }, { name: QueueName.Assistant }),
  ],
  providers: [...RAG_PROCESSORS, ReplyWriter, { provide: LanguageDetector, useFactory: () => new LanguageDetector() }],
})
export class RagWorkerModule {}
