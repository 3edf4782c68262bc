import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { QueueModule } from '@smartdesk/runtime';
import { HealthModule } from './health/health.module';
import { TicketsModule } from './tickets/tickets.module';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketsModule, HealthModule],
})
export class GatewayModule {}
