import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ConversationService } from './conversation.service';
import { MacrosController } from './macros.controller';
import { MacrosService } from './macros.service';
import { MessagesController } from './messages.controller';

@Module({
  imports: [TicketsModule],
  controllers: [MessagesController, MacrosController],
  providers: [ConversationService, MacrosService],
})
export class ConversationModule {}
