import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment, SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { OperationsModule, TicketEffectsModule } from '@smartdesk/operations';
import { QueueModule } from '@smartdesk/runtime';
import { loadEscalationRules } from './escalation-config';
import { ESCALATION_RULES, EscalationSignals } from './escalation-signals.service';
import { EscalationNotifier } from './notifications/escalation-notifier.service';
import { NotificationSender } from './notifications/notification-sender.service';
import { ESCALATION_PROCESSORS } from './processors';

@Module({
  imports: [
    SmartdeskConfigModule,
    DatabaseModule,
    QueueModule.forRoot('worker'),
    BullModule.registerQueue({ name: QueueName.Escalation }, { name: QueueName.Notifications }),
    OperationsModule,
    TicketEffectsModule.register(),
  ],
  providers: [
    { provide: ESCALATION_RULES, inject: [Environment], useFactory: (env: Environment) => loadEscalationRules(env.ESCALATION_RULES_FILE) },
    EscalationSignals,
    EscalationNotifier,
    NotificationSender,
    ...ESCALATION_PROCESSORS,
  ],
})
export class EscalationWorkerModule {}
