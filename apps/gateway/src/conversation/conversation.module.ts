import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ConversationService } from './conversation.service';
import { MacrosController } from './macros.controller';
import { MacrosService } from './macros.service';
import { MessagesController } from './messages.controller';
import { SuggestionFeedbackController } from './suggestion-feedback.controller';
import { SuggestionFeedbackService } from './suggestion-feedback.service';

@Module({
  imports: [TicketsModule],
  controllers: [MessagesController, MacrosController, SuggestionFeedbackController],
  providers: [ConversationService, MacrosService, SuggestionFeedbackService],
})
export class ConversationModule {}
