import { CategorizeProcessor } from './categorize.processor';
import { TrainCategorizerProcessor } from './train-categorizer.processor';

/** The queues this worker takes, a processor each: its module provides them, runWorker starts them. */
export const CATEGORIZATION_PROCESSORS = [CategorizeProcessor, TrainCategorizerProcessor];
