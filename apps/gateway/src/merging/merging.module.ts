import { Module } from '@nestjs/common';
import { OperationsModule } from '@smartdesk/operations';
import { TicketsModule } from '../tickets/tickets.module';
import { MergingController } from './merging.controller';
import { TicketMerges } from './ticket-merges.service';
import { TicketRelations } from './ticket-relations.service';

@Module({
  imports: [TicketsModule, OperationsModule],
  controllers: [MergingController],
  providers: [TicketMerges, TicketRelations],
})
export class MergingModule {}
