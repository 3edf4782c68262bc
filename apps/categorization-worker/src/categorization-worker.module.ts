import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment, SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { LlmModule } from '@smartdesk/llm';
import { loadTaxonomy, TAXONOMY } from '@smartdesk/nlp';
import { QueueModule } from '@smartdesk/runtime';
import { CategoryJudge } from './category-judge.service';
import { CategoryModelRegistry } from './category-model.registry';
import { sentenceEncoderProvider } from './sentence-encoder.provider';
import { CATEGORIZATION_PROCESSORS } from './processors';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, LlmModule, QueueModule.forRoot('worker'), BullModule.registerQueue({ name: QueueName.Categorization }, { name: QueueName.ModelTraining })],
  providers: [
    ...CATEGORIZATION_PROCESSORS,
    CategoryModelRegistry,
    CategoryJudge,
    sentenceEncoderProvider,
    { provide: TAXONOMY, inject: [Environment], useFactory: (env: Environment) => loadTaxonomy(env.TAXONOMY_FILE) },
  ],
})
export class CategorizationWorkerModule {}
