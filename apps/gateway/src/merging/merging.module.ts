import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { MergingController } from './merging.controller';
import { TicketMerges } from './ticket-merges.service';
import { TicketRelations } from './ticket-relations.service';

@Module({
  imports: [TicketsModule],
  controllers: [MergingController],
  providers: [TicketMerges, TicketRelations],
})
export class MergingModule {}
