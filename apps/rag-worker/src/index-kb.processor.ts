import { Processor } from '@nestjs/bullmq';
import { Environment } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { KbIndexerService, KbWatcherService } from '@smartdesk/knowledge';
import { JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';

/**
 * Keeps the knowledge-base index following Postgres: kb/ is synced before the first job and then
 * watched (KB_WATCH); an API edit queues `index-kb`, which any one rag-worker runs.
 */
@Processor(QueueName.Knowledge, workerOptions(QueueName.Knowledge))
export class IndexKbProcessor extends QueueProcessor<typeof QueueName.Knowledge> {
  readonly queue = QueueName.Knowledge;
  protected readonly handlers: JobHandlers<typeof QueueName.Knowledge> = {
    [JobName.IndexKb]: () => this.indexer.index(),
  };

  constructor(
    private readonly indexer: KbIndexerService,
    private readonly watcher: KbWatcherService,
    private readonly env: Environment,
  ) {
    super();
  }

  /** Suggestions never come from a half-built index: kb/ is indexed before any processor takes a job. */
  override async prepare(): Promise<void> {
    await this.indexer.sync();
    if (this.env.KB_WATCH) this.watcher.start();
  }
}
