import { Module } from '@nestjs/common';
import { OperationsModule, TicketEffectsModule } from '@smartdesk/operations';
import { LearningModule } from '../learning/learning.module';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketChanges } from './ticket-changes.service';
import { TicketIntake } from './ticket-intake.service';
import { TicketRatings } from './ticket-ratings.service';
import { TicketWorkflow } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [OutboxModule, OperationsModule, TicketEffectsModule.register({ imports: [OutboxModule], publisher: OutboxRelay }), LearningModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketIntake, TicketChanges, TicketWorkflow, TicketRatings],
  exports: [TicketChanges],
})
export class TicketsModule {}
