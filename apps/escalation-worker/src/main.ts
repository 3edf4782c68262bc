// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { EscalationWorkerModule } from './escalation-worker.module';
import { EvaluateEscalationProcessor } from './evaluate-escalation.processor';
import { DeliverNotificationProcessor } from './notifications/deliver-notification.processor';
import { CheckSlaProcessor } from './sla/check-sla.processor';

void runWorker({ name: 'escalation-worker', module: EscalationWorkerModule, processors: [EvaluateEscalationProcessor, CheckSlaProcessor, DeliverNotificationProcessor], dependencies: ['postgres', 'redis'] });
