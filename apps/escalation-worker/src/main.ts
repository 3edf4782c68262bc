// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { ESCALATION_PROCESSORS } from './processors';
import { EscalationWorkerModule } from './escalation-worker.module';

void runWorker({ name: 'escalation-worker', module: EscalationWorkerModule, processors: ESCALATION_PROCESSORS, dependencies: ['postgres', 'redis'] });
