import { runWorker } from '@smartdesk/runtime';
import { SENTIMENT_PROCESSORS } from './processors';
import { SentimentWorkerModule } from './sentiment-worker.module';

void runWorker({ name: 'sentiment-worker', module: SentimentWorkerModule, processors: SENTIMENT_PROCESSORS, dependencies: ['postgres', 'redis'] });
