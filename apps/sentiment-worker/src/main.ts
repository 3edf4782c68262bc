// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { SENTIMENT_PROCESSORS } from './processors';
import { SentimentWorkerModule } from './sentiment-worker.module';

void runWorker({ name: 'sentiment-worker', module: SentimentWorkerModule, processors: SENTIMENT_PROCESSORS, dependencies: ['postgres', 'redis'] });
