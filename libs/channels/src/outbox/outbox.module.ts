import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { OutboxRelay, TICKET_FLOWS } from './outbox-relay.service';

@Module({
  imports: [BullModule.registerFlowProducer({ name: TICKET_FLOWS })],
  providers: [OutboxRelay],
  exports: [OutboxRelay],
})
export class OutboxModule {}
