// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { CATEGORIZATION_PROCESSORS } from './processors';
import { CategorizationWorkerModule } from './categorization-worker.module';

void runWorker({ name: 'categorization-worker', module: CategorizationWorkerModule, processors: CATEGORIZATION_PROCESSORS, dependencies: ['postgres', 'redis'] });
