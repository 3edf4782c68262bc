import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttachmentsModule, IntakeModule, OutboundMailModule, uploadLimits } from '@smartdesk/channels';
import { Environment } from '@smartdesk/config';
import { OperationsModule } from '@smartdesk/operations';
import { LearningModule } from '../learning/learning.module';
import { TicketEffects } from '../operations/ticket-effects.service';
import { TicketChanges } from './ticket-changes.service';
import { TicketIntake } from './ticket-intake.service';
import { TicketRatings } from './ticket-ratings.service';
import { TicketReveal } from './ticket-reveal.service';
import { TicketWorkflow } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [
    IntakeModule,
    OutboundMailModule,
    AttachmentsModule,
    MulterModule.registerAsync({ inject: [Environment], useFactory: uploadLimits }),
    OperationsModule,
    LearningModule,
  ],
  controllers: [TicketsController],
  providers: [TicketsService, TicketIntake, TicketChanges, TicketWorkflow, TicketEffects, TicketRatings, TicketReveal],
  exports: [TicketChanges, TicketIntake, OutboundMailModule, AttachmentsModule],
})
export class TicketsModule {}
