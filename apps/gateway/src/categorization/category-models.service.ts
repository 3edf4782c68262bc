import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { JobName, KEEP_COMPLETED, KEEP_FAILED, QueueName, TrainCategorizerData, WORKER_SETTINGS } from '@smartdesk/contracts';
import { CategoryModelEntity, CategoryModelStore, transactionAs } from '@smartdesk/database';
import { categorizerActivations } from '@smartdesk/runtime';
import { auditActor, Principal } from '../auth/principal';

export type CategoryModelView = Omit<CategoryModelEntity, 'weights' | 'dataFingerprint'>;

/** The categorizer's trained versions: list them, train a new one, roll back to an earlier one. */
@Injectable()
export class CategoryModelsService {
  constructor(
    private readonly store: CategoryModelStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ModelTraining) private readonly trainingQueue: Queue,
    private readonly env: Environment,
  ) {}

  async list(): Promise<{ activeVersion: number; models: CategoryModelView[] }> {
    const models = await this.store.list();
    return {
      activeVersion: models.find((model) => model.active)?.version ?? 0,
      models: models.map(({ dataFingerprint: _, ...model }) => model),
    };
  }

  async activate(version: number, principal: Principal): Promise<{ activeVersion: number }> {
    const found = await transactionAs(this.dataSource, auditActor(principal), (manager) => this.store.activate(manager, version));
    if (!found) throw new NotFoundException(`category model version ${version} does not exist`);
    await categorizerActivations(this.env).publish(version);
    return { activeVersion: version };
  }

  /** Queues a retraining on the categorization workers; it runs even if the data has not changed. */
  async train(principal: Principal): Promise<{ jobId: string; location: string }> {
    const { attempts, backoff } = WORKER_SETTINGS[QueueName.ModelTraining];
    const data: TrainCategorizerData = { v: 1, requestedBy: principal.email, force: true };
    try {
      const job = await this.trainingQueue.add(JobName.TrainCategorizer, data, { attempts, backoff, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED });
      return { jobId: job.id!, location: `/api/categorization/training-jobs/${job.id}` };
    } catch (error) {
      throw new ServiceUnavailableException(`the training queue is unavailable: ${(error as Error).message}`);
    }
  }

  async trainingJob(jobId: string) {
    const job = await this.trainingQueue.getJob(jobId);
    if (!job || job.name !== JobName.TrainCategorizer) throw new NotFoundException(`training job ${jobId} not found`);
    return {
      jobId,
      state: await job.getState(),
      requestedBy: (job.data as TrainCategorizerData).requestedBy,
      queuedAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      outcome: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
    };
  }
}
