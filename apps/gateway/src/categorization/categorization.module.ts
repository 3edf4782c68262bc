import { Module } from '@nestjs/common';
import { learningController } from '../learning/learning.controller';
import { LearningModule } from '../learning/learning.module';

/** Teaching the categorizer: imports of labelled tickets, trained versions, retraining on demand. */
@Module({
  imports: [LearningModule],
  controllers: [
    learningController('category', {
      labels: "taxonomy ids or 'other'",
      untrained: "the taxonomy's few-shot model",
      confirmed: 'agent-confirmed tickets',
    }),
  ],
})
export class CategorizationModule {}
