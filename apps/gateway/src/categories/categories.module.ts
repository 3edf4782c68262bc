import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { CategoriesController } from './categories.controller';

/** The taxonomy's categories named for people, in the language asked for. */
@Module({
  imports: [LearningModule],
  controllers: [CategoriesController],
})
export class CategoriesModule {}
