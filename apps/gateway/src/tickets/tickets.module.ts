import { Module } from '@nestjs/common';
import { OperationsModule } from '@smartdesk/operations';
import { LearningModule } from '../learning/learning.module';
import { TicketEffects } from '../operations/ticket-effects.service';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketChanges } from './ticket-changes.service';
import { TicketIntake } from './ticket-intake.service';
import { TicketRatings } from './ticket-ratings.service';
import { TicketWorkflow } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [OutboxModule, OperationsModule, LearningModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketIntake, TicketChanges, TicketWorkflow, TicketEffects, TicketRatings],
  exports: [TicketChanges, TicketIntake],
})
export class TicketsModule {}
