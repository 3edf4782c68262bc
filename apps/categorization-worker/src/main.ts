// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { CategorizationWorkerModule } from './categorization-worker.module';
import { CategorizeProcessor } from './categorize.processor';
import { TrainCategorizerProcessor } from './train-categorizer.processor';

void runWorker({ name: 'categorization-worker', module: CategorizationWorkerModule, processors: [CategorizeProcessor, TrainCategorizerProcessor], dependencies: ['postgres', 'redis'] });
