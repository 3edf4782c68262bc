import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Environment } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { ModelStore, TaskModelStore, TrainingRow } from '@smartdesk/database';
import { LanguageDetector, learnSentiment, missingSentimentExamples, SENTIMENT_ALGORITHM, SENTIMENT_LABELS, SentimentAnalyzer, SentimentExample } from '@smartdesk/nlp';
import { JobHandlers, LearnedModel, ModelTrainingProcessor, workerOptions } from '@smartdesk/runtime';

/**
 * Retrains the sentiment model from agent-confirmed tickets and imported examples, once every label has
 * enough of them; until then the zero-shot rules stay in charge.
 */
@Processor(QueueName.SentimentTraining, workerOptions(QueueName.SentimentTraining))
export class TrainSentimentProcessor extends ModelTrainingProcessor<typeof QueueName.SentimentTraining> {
  readonly queue = QueueName.SentimentTraining;
  protected readonly task = 'sentiment';
  protected readonly recipe = SENTIMENT_ALGORITHM;
  protected readonly store: TaskModelStore;
  protected readonly handlers: JobHandlers<typeof QueueName.SentimentTraining> = {
    [JobName.TrainSentiment]: (data, job) => this.train(data, job),
  };

  constructor(
    store: ModelStore,
    protected readonly env: Environment,
    private readonly languages: LanguageDetector,
    private readonly rules: SentimentAnalyzer,
    @InjectQueue(QueueName.SentimentTraining) protected readonly trainingQueue: Queue,
  ) {
    super();
    this.store = store.for('sentiment');
  }

  protected get everyMs(): number {
    return this.env.SENTIMENT_RETRAIN_EVERY_MS;
  }

  /** Too few examples of a label would teach the model to never say it: even an explicit request waits. */
  protected notReady(history: TrainingRow[]): string | null {
    const minimum = this.env.SENTIMENT_MIN_EXAMPLES_PER_LABEL;
    const short = Object.entries(missingSentimentExamples(history, minimum));
    if (short.length === 0) return null;
    return `each sentiment needs at least ${minimum} examples; only ${short.map(([label, count]) => `${count} ${label}`).join(', ')} so far`;
  }

  /** Imported rows carry no language: detected here, as the sentiment stage would, since it picks the rules' lexicon. */
  protected async examples(history: TrainingRow[]): Promise<SentimentExample[]> {
    await this.languages.load();
    return history.map((row) => ({ text: row.text, label: row.label, language: row.language ?? this.languages.detect(row.text).code }));
  }

  protected learn(examples: SentimentExample[], history: TrainingRow[]): LearnedModel {
    const { model, metrics } = learnSentiment(examples, this.rules);
    const count = (keep: (row: TrainingRow) => boolean) => history.filter(keep).length;
    return {
      algorithm: SENTIMENT_ALGORITHM,
      labels: [...model.labels],
      exampleCounts: {
        tickets: count((row) => row.origin === 'ticket'),
        imported: count((row) => row.origin === 'import'),
        ...Object.fromEntries(SENTIMENT_LABELS.map((label) => [label, count((row) => row.label === label)])),
      },
      metrics: { ...metrics },
      weights: model.toBuffer(),
    };
  }
}
