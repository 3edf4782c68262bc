// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { SentimentProcessor } from './sentiment.processor';
import { SentimentWorkerModule } from './sentiment-worker.module';
import { TrainSentimentProcessor } from './train-sentiment.processor';

void runWorker({ name: 'sentiment-worker', module: SentimentWorkerModule, processors: [SentimentProcessor, TrainSentimentProcessor], dependencies: ['postgres', 'redis'] });
