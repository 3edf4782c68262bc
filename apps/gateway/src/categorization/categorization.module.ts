import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { loadTaxonomy, TAXONOMY } from '@smartdesk/nlp';
import { CategorizationController } from './categorization.controller';
import { CategoryModelsService } from './category-models.service';
import { TrainingDataService } from './training-data.service';

const taxonomy = { provide: TAXONOMY, inject: [Environment], useFactory: (env: Environment) => loadTaxonomy(env.TAXONOMY_FILE) };

/** Teaching the categorizer: training-data imports, trained versions, retraining on demand. Exports the taxonomy. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.ModelTraining })],
  controllers: [CategorizationController],
  providers: [taxonomy, TrainingDataService, CategoryModelsService],
  exports: [taxonomy],
})
export class CategorizationModule {}
