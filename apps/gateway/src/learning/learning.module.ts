import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { loadTaxonomy, TAXONOMY } from '@smartdesk/nlp';
import { learningController } from './learning.controller';
import { TrainedModelsService } from './trained-models.service';
import { TrainingDataService } from './training-data.service';

const taxonomy = { provide: TAXONOMY, inject: [Environment], useFactory: (env: Environment) => loadTaxonomy(env.TAXONOMY_FILE) };

/**
 * Teaching the learned models (categories and sentiment): imports of labelled examples, trained versions,
 * retraining on demand, one API per task. Exports the taxonomy.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.ModelTraining }, { name: QueueName.SentimentTraining })],
  controllers: [
    learningController('category', {
      labels: "taxonomy ids or 'other'",
      untrained: "the taxonomy's few-shot model",
      confirmed: 'agent-confirmed tickets',
    }),
    learningController('sentiment', {
      labels: 'negative, neutral or positive',
      untrained: 'the zero-shot sentiment rules',
      confirmed: 'tickets whose sentiment an agent confirmed or corrected',
    }),
  ],
  providers: [taxonomy, TrainingDataService, TrainedModelsService],
  exports: [taxonomy, TrainingDataService, TrainedModelsService],
})
export class LearningModule {}
