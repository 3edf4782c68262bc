import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Environment } from '@smartdesk/config';
import { JobName, KEEP_COMPLETED, KEEP_FAILED, QueueName, TrainCategorizerData, WORKER_SETTINGS } from '@smartdesk/contracts';
import { CategoryModelStore } from '@smartdesk/database';
import { Algorithm, learnCategories, OUT_OF_SCOPE, SentenceEncoder, TAXONOMY, Taxonomy, taxonomyExamples } from '@smartdesk/nlp';
import { categorizerActivations, JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';
import { SENTENCE_ENCODER } from './sentence-encoder.provider';

const SCHEDULER_ID = 'categorizer-retrain';
/** Part of the data fingerprint: a new training recipe retrains even on the same data. */
const TRAINING_RECIPE = Object.values(Algorithm).join('+');

export type TrainingOutcome = { skipped: string } | { version: number; metrics: Record<string, number> };

/**
 * Retrains the categorizer from the taxonomy's phrases, agent-confirmed tickets and imported examples,
 * stores the new version in Postgres, activates it and tells every categorization worker to swap it in.
 */
@Processor(QueueName.ModelTraining, workerOptions(QueueName.ModelTraining))
export class TrainCategorizerProcessor extends QueueProcessor<typeof QueueName.ModelTraining> {
  private readonly logger = new Logger(TrainCategorizerProcessor.name);
  readonly queue = QueueName.ModelTraining;
  protected readonly handlers: JobHandlers<typeof QueueName.ModelTraining> = {
    [JobName.TrainCategorizer]: (data, job) => this.train(data, job),
  };

  constructor(
    private readonly store: CategoryModelStore,
    private readonly env: Environment,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
    @InjectQueue(QueueName.ModelTraining) private readonly trainingQueue: Queue,
    @Inject(SENTENCE_ENCODER) private readonly encoder: SentenceEncoder,
  ) {
    super();
  }

  /** The repeatable retraining: one scheduler shared by every replica (upserting it is idempotent). */
  override async prepare(): Promise<void> {
    if (this.env.CATEGORY_RETRAIN_EVERY_MS === 0) {
      await this.trainingQueue.removeJobScheduler(SCHEDULER_ID);
      return;
    }
    const { attempts, backoff } = WORKER_SETTINGS[QueueName.ModelTraining];
    const data: TrainCategorizerData = { v: 1, requestedBy: 'schedule', force: false };
    await this.trainingQueue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.env.CATEGORY_RETRAIN_EVERY_MS },
      { name: JobName.TrainCategorizer, data, opts: { attempts, backoff, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED } },
    );
  }

  private async train({ requestedBy, force }: TrainCategorizerData, job: Job): Promise<TrainingOutcome> {
    const history = await this.store.trainingRows();
    const examples = [...taxonomyExamples(this.taxonomy), ...history];
    const fingerprint = CategoryModelStore.fingerprint(examples, TRAINING_RECIPE);
    if (!force && history.length === 0) return { skipped: 'no agent-confirmed tickets or imported examples yet' };
    if (!force && fingerprint === (await this.store.activeFingerprint())) return { skipped: 'no new training data since the active model' };

    const started = performance.now();
    const { algorithm, classifier, metrics } = learnCategories(examples, OUT_OF_SCOPE, this.encoder);
    const trainingMs = Math.round(performance.now() - started);
    await job.updateProgress(90);
    const count = (origin: string) => history.filter((row) => row.origin === origin).length;
    const saved = await this.store.saveAndActivate({
      algorithm,
      labels: [...classifier.labelNames],
      exampleCounts: { taxonomy: examples.length - history.length, tickets: count('ticket'), imported: count('import') },
      metrics: { ...metrics },
      dataFingerprint: fingerprint,
      trainingMs,
      weights: classifier.toBuffer(),
      trainedBy: requestedBy,
    });
    await categorizerActivations(this.env).publish(saved.version);
    this.logger.log(`trained categorizer version ${saved.version} (${algorithm}) on ${examples.length} examples in ${trainingMs} ms (hold-out accuracy ${metrics.holdoutAccuracy ?? 'n/a'})`);
    return { version: saved.version, metrics: { ...metrics } };
  }
}
