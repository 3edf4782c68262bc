import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { OutboundMail } from './outbound-mail.service';

/** Queuing customer mail from a ticket change: needs the app's DatabaseModule and QueueModule. */
@Module({
  imports: [OutboxModule],
  providers: [OutboundMail],
  exports: [OutboundMail],
})
export class OutboundMailModule {}
