import { runWorker } from '@smartdesk/runtime';
import { CategorizationWorkerModule } from './categorization-worker.module';
import { CategorizeProcessor } from './categorize.processor';

void runWorker({ name: 'categorization-worker', module: CategorizationWorkerModule, processor: CategorizeProcessor, dependencies: ['postgres', 'redis'] });
