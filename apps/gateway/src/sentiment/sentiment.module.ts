import { Module } from '@nestjs/common';
import { learningController } from '../learning/learning.controller';
import { LearningModule } from '../learning/learning.module';

/** Teaching sentiment: imports of labelled texts, trained versions, retraining on demand. */
@Module({
  imports: [LearningModule],
  controllers: [
    learningController('sentiment', {
      labels: 'negative, neutral or positive',
      untrained: 'the zero-shot sentiment rules',
      confirmed: 'tickets whose sentiment an agent confirmed or corrected',
    }),
  ],
})
export class SentimentModule {}
