import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { KnowledgeModule } from '@smartdesk/knowledge';
import { QueueModule } from '@smartdesk/runtime';
import { VectorStoreModule } from '@smartdesk/vector-store';
import { IndexKbProcessor } from './index-kb.processor';
import { SuggestResponseProcessor } from './suggest-response.processor';

@Module({
  imports: [
    SmartdeskConfigModule,
    DatabaseModule,
    VectorStoreModule,
    KnowledgeModule,
    QueueModule.forRoot('worker'),
    BullModule.registerQueue({ name: QueueName.RagResponse }, { name: QueueName.Knowledge }),
  ],
  providers: [IndexKbProcessor, SuggestResponseProcessor],
})
export class RagWorkerModule {}
