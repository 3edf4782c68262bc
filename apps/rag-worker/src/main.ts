import { runWorker } from '@smartdesk/runtime';
import { RagWorkerModule } from './rag-worker.module';
import { SuggestResponseProcessor } from './suggest-response.processor';

void runWorker({ name: 'rag-worker', module: RagWorkerModule, processors: [SuggestResponseProcessor], dependencies: ['postgres', 'redis', 'chroma'] });
