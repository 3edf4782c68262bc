import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { loadTaxonomy, TAXONOMY } from '@smartdesk/nlp';
import { TrainedModelsService } from './trained-models.service';
import { TrainingDataService } from './training-data.service';

const taxonomy = { provide: TAXONOMY, inject: [Environment], useFactory: (env: Environment) => loadTaxonomy(env.TAXONOMY_FILE) };

/** What every learned model shares: training-data imports, trained versions, retraining on demand. Exports the taxonomy. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.ModelTraining }, { name: QueueName.SentimentTraining })],
  providers: [taxonomy, TrainingDataService, TrainedModelsService],
  exports: [taxonomy, TrainingDataService, TrainedModelsService],
})
export class LearningModule {}
