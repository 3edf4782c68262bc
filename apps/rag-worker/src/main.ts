// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { AnswerQuestionProcessor } from './answer-question.processor';
import { IndexKbProcessor } from './index-kb.processor';
import { RagWorkerModule } from './rag-worker.module';
import { SuggestResponseProcessor } from './suggest-response.processor';

void runWorker({ name: 'rag-worker', module: RagWorkerModule, processors: [IndexKbProcessor, SuggestResponseProcessor, AnswerQuestionProcessor], dependencies: ['postgres', 'redis', 'chroma'] });
