import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Environment } from '@smartdesk/config';
import type { TaskModelStore } from '@smartdesk/database';
import { modelActivations } from './model-activations';

export interface StoredModel {
  version: number;
  algorithm: string;
  weights: Buffer;
}

/**
 * The model of one task this process runs right now: the active trained version from Postgres, or the
 * untrained one (version 0) before any training. Swapped in place when another version is activated anywhere.
 */
export class ActiveModel<M> {
  private readonly logger: Logger;
  private current: { version: number; model: M };
  private subscriber?: Redis;
  /** Refreshes run one after another, so a slow load never overwrites a newer one. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: TaskModelStore,
    private readonly env: Pick<Environment, 'REDIS_URL' | 'QUEUE_PREFIX'>,
    /** How the logs name it, e.g. "categorizer". */
    private readonly name: string,
    /** Builds the model to run from stored weights, or the untrained one from null. */
    private readonly restore: (stored: StoredModel | null) => M,
  ) {
    this.current = { version: 0, model: restore(null) };
    this.logger = new Logger(`ActiveModel(${name})`);
  }

  get model(): M {
    return this.current.model;
  }

  get version(): number {
    return this.current.version;
  }

  /** Loads the active version before the first job, then follows every activation. */
  async start(): Promise<void> {
    await this.refresh();
    this.subscriber = await modelActivations(this.env, this.store.task).subscribe(() => this.refresh());
  }

  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load());
    return this.refreshing;
  }

  close(): void {
    this.subscriber?.disconnect();
  }

  private async load(): Promise<void> {
    const version = (await this.store.activeVersion()) ?? 0;
    if (version === this.current.version) return;
    if (version === 0) {
      this.current = { version, model: this.restore(null) };
    } else {
      const stored = await this.store.weights(version);
      if (!stored) throw new Error(`${this.name} model ${version} has no weights`);
      this.current = { version, model: this.restore({ version, ...stored }) };
    }
    this.logger.log(`${this.name} model version ${version} in use`);
  }
}
