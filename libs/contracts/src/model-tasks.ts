import { JobName, QueueName } from './queue-names';

/** The models a team teaches. Stored in `task` columns and Redis channel names: values must not change. */
export const MODEL_TASKS = ['category', 'sentiment'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

/** Where each model is retrained: its queue and job. */
export const TRAINING_JOBS = {
  category: { queue: QueueName.ModelTraining, name: JobName.TrainCategorizer },
  sentiment: { queue: QueueName.SentimentTraining, name: JobName.TrainSentiment },
} as const satisfies Record<ModelTask, { queue: QueueName; name: JobName }>;
