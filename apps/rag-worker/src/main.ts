// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { RAG_PROCESSORS } from './processors';
import { RagWorkerModule } from './rag-worker.module';

void runWorker({ name: 'rag-worker', module: RagWorkerModule, processors: RAG_PROCESSORS, dependencies: ['postgres', 'redis', 'chroma'] });
