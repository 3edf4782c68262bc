import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { QueueModule } from '@smartdesk/runtime';
import { EvaluateEscalationProcessor } from './evaluate-escalation.processor';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, QueueModule.forRoot('worker'), BullModule.registerQueue({ name: QueueName.Escalation })],
  providers: [EvaluateEscalationProcessor],
})
export class EscalationWorkerModule {}
