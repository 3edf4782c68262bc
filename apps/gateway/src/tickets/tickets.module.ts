import { Module } from '@nestjs/common';
import { CategorizationModule } from '../categorization/categorization.module';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketChanges } from './ticket-changes.service';
import { TicketWorkflow } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [OutboxModule, CategorizationModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketChanges, TicketWorkflow],
  exports: [TicketChanges],
})
export class TicketsModule {}
