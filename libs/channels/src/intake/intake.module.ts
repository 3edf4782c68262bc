import { Module } from '@nestjs/common';
import { OperationsModule } from '@smartdesk/operations';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketSubmissions } from './ticket-submissions.service';

/** Ticket intake shared by the gateway and the mail worker: needs the app's DatabaseModule and QueueModule. */
@Module({
  imports: [OutboxModule, OperationsModule],
  providers: [TicketSubmissions],
  exports: [TicketSubmissions, OutboxModule],
})
export class IntakeModule {}
