import { Module } from '@nestjs/common';
import { learningController } from '../learning/learning.controller';
import { LearningModule } from '../learning/learning.module';
import { CategoriesController } from './categories.controller';

/** The categories named for people, and teaching the categorizer: imports of labelled tickets, trained versions, retraining on demand. */
@Module({
  imports: [LearningModule],
  controllers: [
    CategoriesController,
    learningController('category', {
      labels: "taxonomy ids or 'other'",
      untrained: "the taxonomy's few-shot model",
      confirmed: 'agent-confirmed tickets',
    }),
  ],
})
export class CategorizationModule {}
