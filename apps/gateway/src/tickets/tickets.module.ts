import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [OutboxModule],
  controllers: [TicketsController],
  providers: [TicketsService],
})
export class TicketsModule {}
