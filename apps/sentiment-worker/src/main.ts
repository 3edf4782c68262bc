import { runWorker } from '@smartdesk/runtime';
import { SentimentProcessor } from './sentiment.processor';
import { SentimentWorkerModule } from './sentiment-worker.module';

void runWorker({ name: 'sentiment-worker', module: SentimentWorkerModule, processors: [SentimentProcessor], dependencies: ['postgres', 'redis'] });
