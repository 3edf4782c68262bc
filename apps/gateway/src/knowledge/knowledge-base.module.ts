import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@smartdesk/contracts';
import { KbArticleStore } from '@smartdesk/knowledge/authoring';
import { KbArticlesController } from './kb-articles.controller';
import { KbArticlesService } from './kb-articles.service';

/** Knowledge-base authoring: articles, versions, restores and near-duplicates; the rag-workers index the changes. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Knowledge })],
  controllers: [KbArticlesController],
  providers: [KbArticleStore, KbArticlesService],
})
export class KnowledgeBaseModule {}
