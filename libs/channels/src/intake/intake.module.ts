import { Module } from '@nestjs/common';
import { OperationsModule, TicketEffectsModule } from '@smartdesk/operations';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketSubmissions } from './ticket-submissions.service';

/** Ticket intake shared by the gateway and the mail worker: needs the app's DatabaseModule and QueueModule. */
@Module({
  imports: [OutboxModule, OperationsModule, TicketEffectsModule.register({ imports: [OutboxModule], publisher: OutboxRelay })],
  providers: [TicketSubmissions],
  exports: [TicketSubmissions, OutboxModule, TicketEffectsModule],
})
export class IntakeModule {}
