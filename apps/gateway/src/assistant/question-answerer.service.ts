import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { Environment } from '@smartdesk/config';
import { AnswerQuestionData, AssistantAnswer, JobName, queueJobOptions, QueueName } from '@smartdesk/contracts';
import { redisConnection } from '@smartdesk/runtime';

/** How long a customer waits for the knowledge base before being offered a ticket instead. */
const ANSWER_TIMEOUT_MS = 20_000;

/**
 * Asks a rag-worker to answer a question and waits for the result (BullMQ request/response): the
 * worker already holds the embedding model and the lexical index, so the gateway loads neither.
 */
@Injectable()
export class QuestionAnswerer implements OnModuleInit, OnModuleDestroy {
  private events?: QueueEvents;

  constructor(
    @InjectQueue(QueueName.Assistant) private readonly queue: Queue,
    private readonly env: Environment,
  ) {}

  async onModuleInit(): Promise<void> {
    // QueueEvents blocks on a Redis stream, so it needs the patient (worker) connection settings.
    this.events = new QueueEvents(QueueName.Assistant, { connection: redisConnection(this.env.REDIS_URL, 'worker'), prefix: this.env.QUEUE_PREFIX });
    await this.events.waitUntilReady();
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.close();
  }

  /** The answer, or undefined when no rag-worker answered in time (the caller offers a ticket). */
  async answer(data: Omit<AnswerQuestionData, 'v'>, jobId: string): Promise<AssistantAnswer | undefined> {
    const job = await this.queue.add(JobName.AnswerQuestion, { v: 1, ...data } satisfies AnswerQuestionData, { ...queueJobOptions(QueueName.Assistant), jobId });
    try {
      return (await job.waitUntilFinished(this.events!, ANSWER_TIMEOUT_MS)) as AssistantAnswer;
    } catch {
      return undefined;
    }
  }
}
