import { runWorker } from '@smartdesk/runtime';
import { EscalationWorkerModule } from './escalation-worker.module';
import { EvaluateEscalationProcessor } from './evaluate-escalation.processor';

void runWorker({ name: 'escalation-worker', module: EscalationWorkerModule, processors: [EvaluateEscalationProcessor], dependencies: ['postgres', 'redis'] });
