import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AttachmentsModule, OutboxModule } from '@smartdesk/channels';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), OutboxModule, AttachmentsModule],
  controllers: [HealthController],
})
export class HealthModule {}
