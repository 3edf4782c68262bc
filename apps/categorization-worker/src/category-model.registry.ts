import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { Environment } from '@smartdesk/config';
import { CategoryModelStore } from '@smartdesk/database';
import { Categorizer, restoreClassifier, SentenceEncoder, TAXONOMY, Taxonomy } from '@smartdesk/nlp';
import { categorizerActivations } from '@smartdesk/runtime';
import { SENTENCE_ENCODER } from './sentence-encoder.provider';

/**
 * The categorizer this process runs right now: the active trained version from Postgres, or the taxonomy's
 * few-shot model before any training. Swapped in place when another version is activated anywhere.
 */
@Injectable()
export class CategoryModelRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(CategoryModelRegistry.name);
  private current: Categorizer;
  private subscriber?: Redis;
  /** Refreshes run one after another, so a slow load never overwrites a newer one. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: CategoryModelStore,
    private readonly env: Environment,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
    @Inject(SENTENCE_ENCODER) private readonly encoder: SentenceEncoder,
  ) {
    this.current = new Categorizer(taxonomy, env.CATEGORY_MIN_CONFIDENCE);
  }

  get categorizer(): Categorizer {
    return this.current;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.subscriber = await categorizerActivations(this.env).subscribe(() => this.refresh());
  }

  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load());
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const version = (await this.store.activeVersion()) ?? 0;
    if (version === this.current.model.version) return;
    if (version === 0) {
      this.current = new Categorizer(this.taxonomy, this.env.CATEGORY_MIN_CONFIDENCE);
    } else {
      const stored = await this.store.weights(version);
      if (!stored) throw new Error(`category model ${version} has no weights`);
      this.current = new Categorizer(this.taxonomy, this.env.CATEGORY_MIN_CONFIDENCE, { version, classifier: restoreClassifier(stored.algorithm, stored.weights, this.encoder) });
    }
    this.logger.log(`categorizer model version ${version} in use`);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
