import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { ModelTask, QueueName, queueJobOptions, TRAINING_JOBS, TrainModelData } from '@smartdesk/contracts';
import { ModelStore, TrainedModelEntity, transactionAs } from '@smartdesk/database';
import { modelActivations } from '@smartdesk/runtime';
import { auditActor, Principal } from '../auth/principal';
import { TASK_API } from './task-labels';

export type TrainedModelView = Omit<TrainedModelEntity, 'weights' | 'dataFingerprint'>;

/** Each learned model's trained versions: list them, train a new one, roll back to an earlier one. */
@Injectable()
export class TrainedModelsService {
  private readonly queues: Record<ModelTask, Queue>;

  constructor(
    private readonly store: ModelStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ModelTraining) categoryTraining: Queue,
    @InjectQueue(QueueName.SentimentTraining) sentimentTraining: Queue,
    private readonly env: Environment,
  ) {
    this.queues = { category: categoryTraining, sentiment: sentimentTraining };
  }

  async list(task: ModelTask): Promise<{ activeVersion: number; models: TrainedModelView[] }> {
    const models = await this.store.for(task).list();
    return {
      activeVersion: models.find((model) => model.active)?.version ?? 0,
      models: models.map(({ dataFingerprint: _, ...model }) => model),
    };
  }

  async activate(task: ModelTask, version: number, principal: Principal): Promise<{ activeVersion: number }> {
    const found = await transactionAs(this.dataSource, auditActor(principal), (manager) => this.store.for(task).activate(manager, version));
    if (!found) throw new NotFoundException(`${task} model version ${version} does not exist`);
    await modelActivations(this.env, task).publish(version);
    return { activeVersion: version };
  }

  /** Queues a retraining on the task's workers; it runs even if the data has not changed. */
  async train(task: ModelTask, principal: Principal): Promise<{ jobId: string; location: string }> {
    const data: TrainModelData = { v: 1, requestedBy: principal.email, force: true };
    const { queue, name } = TRAINING_JOBS[task];
    try {
      const job = await this.queues[task].add(name, data, queueJobOptions(queue));
      return { jobId: job.id!, location: `/api/${TASK_API[task]}/training-jobs/${job.id}` };
    } catch (error) {
      throw new ServiceUnavailableException(`the training queue is unavailable: ${(error as Error).message}`);
    }
  }

  async trainingJob(task: ModelTask, jobId: string) {
    const queued = await this.queues[task].getJob(jobId);
    if (!queued || queued.name !== TRAINING_JOBS[task].name) throw new NotFoundException(`training job ${jobId} not found`);
    // The state first, then the job again once settled: a job finishing between two reads would otherwise show as completed without its outcome.
    const state = await queued.getState();
    const job = state === 'completed' || state === 'failed' ? ((await this.queues[task].getJob(jobId)) ?? queued) : queued;
    return {
      jobId,
      state,
      requestedBy: (job.data as TrainModelData).requestedBy,
      queuedAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      outcome: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
    };
  }
}
