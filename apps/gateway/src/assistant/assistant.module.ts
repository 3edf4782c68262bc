import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@smartdesk/contracts';
import { LlmModule } from '@smartdesk/llm';
import { TicketsModule } from '../tickets/tickets.module';
import { AssistantController } from './assistant.controller';
import { AssistantService } from './assistant.service';
import { ConversationStore } from './conversation.store';
import { QuestionAnswerer } from './question-answerer.service';
import { StatusVerification } from './status-verification.service';

/** The customers' self-service assistant: conversations answered from the knowledge base by the rag-workers. */
@Module({
  imports: [TicketsModule, LlmModule, BullModule.registerQueue({ name: QueueName.Assistant })],
  controllers: [AssistantController],
  providers: [AssistantService, ConversationStore, QuestionAnswerer, StatusVerification],
})
export class AssistantModule {}
