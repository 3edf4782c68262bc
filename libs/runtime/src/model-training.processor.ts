import { Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import type { Environment } from '@smartdesk/config';
import { ModelTask, QueueName, queueJobOptions, TRAINING_JOBS, TrainModelData } from '@smartdesk/contracts';
import { NewTrainedModel, TaskModelStore, trainingFingerprint, TrainingRow } from '@smartdesk/database';
import { modelActivations } from './model-activations';
import { QueueProcessor } from './queue-processor';

export type TrainingOutcome = { skipped: string } | { version: number; metrics: Record<string, number> };

/** What a task's learning produced, ready to store. */
export type LearnedModel = Omit<NewTrainedModel, 'dataFingerprint' | 'trainingMs' | 'trainedBy'>;

/**
 * Retrains one task's model from the team's history: on a schedule (a BullMQ job scheduler shared by every
 * replica) and on demand. Skips a scheduled run when the data has not changed; otherwise stores the new
 * version in Postgres, activates it and tells every worker of the task to swap it in.
 */
export abstract class ModelTrainingProcessor<Q extends QueueName> extends QueueProcessor<Q> {
  protected abstract readonly task: ModelTask;
  protected abstract readonly store: TaskModelStore;
  protected abstract readonly env: Environment;
  protected abstract readonly trainingQueue: Queue;
  /** 0: no schedule, only on demand. */
  protected abstract readonly everyMs: number;
  /** Part of the data fingerprint: a new training recipe retrains even on the same data. */
  protected abstract readonly recipe: string;
  private readonly logger = new Logger(this.constructor.name);

  /** Why the history cannot be learned from yet, or null when it can. */
  protected abstract notReady(history: TrainingRow[], force: boolean): string | null;
  /** Everything to learn from: the history, and whatever the task adds to it. */
  protected abstract examples(history: TrainingRow[]): { text: string; label: string }[] | Promise<{ text: string; label: string }[]>;
  protected abstract learn(examples: { text: string; label: string }[], history: TrainingRow[]): LearnedModel;

  override async prepare(): Promise<void> {
    const schedulerId = `${this.task}-retrain`;
    if (this.everyMs === 0) {
      await this.trainingQueue.removeJobScheduler(schedulerId);
      return;
    }
    const data: TrainModelData = { v: 1, requestedBy: 'schedule', force: false };
    await this.trainingQueue.upsertJobScheduler(schedulerId, { every: this.everyMs }, { name: TRAINING_JOBS[this.task].name, data, opts: queueJobOptions(TRAINING_JOBS[this.task].queue) });
  }

  protected async train({ requestedBy, force }: TrainModelData, job: Job): Promise<TrainingOutcome> {
    const history = await this.store.trainingRows();
    const unready = this.notReady(history, force);
    if (unready) return { skipped: unready };
    const examples = await this.examples(history);
    const fingerprint = trainingFingerprint(examples, this.recipe);
    if (!force && fingerprint === (await this.store.activeFingerprint())) return { skipped: 'no new training data since the active model' };

    const started = performance.now();
    const learned = this.learn(examples, history);
    const trainingMs = Math.round(performance.now() - started);
    await job.updateProgress(90);
    const saved = await this.store.saveAndActivate({ ...learned, dataFingerprint: fingerprint, trainingMs, trainedBy: requestedBy });
    await modelActivations(this.env, this.task).publish(saved.version);
    this.logger.log(`trained ${this.task} model version ${saved.version} (${learned.algorithm}) on ${examples.length} examples in ${trainingMs} ms: ${JSON.stringify(learned.metrics)}`);
    return { version: saved.version, metrics: { ...learned.metrics } };
  }
}
