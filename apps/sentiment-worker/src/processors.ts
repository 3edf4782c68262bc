import { SentimentProcessor } from './sentiment.processor';
import { TrainSentimentProcessor } from './train-sentiment.processor';

/** The queues this worker takes, a processor each: its module provides them, runWorker starts them. */
export const SENTIMENT_PROCESSORS = [SentimentProcessor, TrainSentimentProcessor];
