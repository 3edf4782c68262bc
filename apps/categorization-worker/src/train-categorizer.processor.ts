import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Environment } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { ModelStore, TaskModelStore, TrainingRow } from '@smartdesk/database';
import { Algorithm, learnCategories, OUT_OF_SCOPE, SentenceEncoder, TAXONOMY, Taxonomy, taxonomyExamples } from '@smartdesk/nlp';
import { JobHandlers, LearnedModel, ModelTrainingProcessor, workerOptions } from '@smartdesk/runtime';
import { SENTENCE_ENCODER } from './sentence-encoder.provider';

/** Retrains the categorizer from the taxonomy's phrases, agent-confirmed tickets and imported examples. */
@Processor(QueueName.ModelTraining, workerOptions(QueueName.ModelTraining))
export class TrainCategorizerProcessor extends ModelTrainingProcessor<typeof QueueName.ModelTraining> {
  readonly queue = QueueName.ModelTraining;
  protected readonly task = 'category';
  protected readonly recipe = Object.values(Algorithm).join('+');
  protected readonly store: TaskModelStore;
  protected readonly handlers: JobHandlers<typeof QueueName.ModelTraining> = {
    [JobName.TrainCategorizer]: (data, job) => this.train(data, job),
  };

  constructor(
    store: ModelStore,
    protected readonly env: Environment,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
    @InjectQueue(QueueName.ModelTraining) protected readonly trainingQueue: Queue,
    @Inject(SENTENCE_ENCODER) private readonly encoder: SentenceEncoder,
  ) {
    super();
    this.store = store.for('category');
  }

  protected get everyMs(): number {
    return this.env.CATEGORY_RETRAIN_EVERY_MS;
  }

  /** The taxonomy's phrases alone are what the untrained model already knows; an explicit request trains anyway. */
  protected notReady(history: TrainingRow[], force: boolean): string | null {
    return !force && history.length === 0 ? 'no agent-confirmed tickets or imported examples yet' : null;
  }

  protected examples(history: TrainingRow[]) {
    return [...taxonomyExamples(this.taxonomy), ...history];
  }

  protected learn(examples: { text: string; label: string }[], history: TrainingRow[]): LearnedModel {
    const { algorithm, classifier, metrics } = learnCategories(examples, OUT_OF_SCOPE, this.encoder);
    const count = (origin: TrainingRow['origin']) => history.filter((row) => row.origin === origin).length;
    return {
      algorithm,
      labels: [...classifier.labelNames],
      exampleCounts: { taxonomy: examples.length - history.length, tickets: count('ticket'), imported: count('import') },
      metrics: { ...metrics },
      weights: classifier.toBuffer(),
    };
  }
}
