import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment, SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { Categorizer, loadTaxonomy } from '@smartdesk/nlp';
import { QueueModule } from '@smartdesk/runtime';
import { CategorizeProcessor } from './categorize.processor';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, QueueModule.forRoot('worker'), BullModule.registerQueue({ name: QueueName.Categorization })],
  providers: [
    CategorizeProcessor,
    {
      provide: Categorizer,
      inject: [Environment],
      useFactory: (env: Environment) => new Categorizer(loadTaxonomy(env.TAXONOMY_FILE), env.CATEGORY_MIN_CONFIDENCE),
    },
  ],
})
export class CategorizationWorkerModule {}
