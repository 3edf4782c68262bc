import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { ModelStore } from '@smartdesk/database';
import { Categorizer, restoreClassifier, SentenceEncoder, TAXONOMY, Taxonomy } from '@smartdesk/nlp';
import { ActiveModel } from '@smartdesk/runtime';
import { SENTENCE_ENCODER } from './sentence-encoder.provider';

/** The categorizer this process runs: the active trained version, or the taxonomy's few-shot model before any training. */
@Injectable()
export class CategoryModelRegistry implements OnApplicationShutdown {
  private readonly active: ActiveModel<Categorizer>;

  constructor(store: ModelStore, env: Environment, @Inject(TAXONOMY) taxonomy: Taxonomy, @Inject(SENTENCE_ENCODER) encoder: SentenceEncoder) {
    this.active = new ActiveModel(store.for('category'), env, 'categorizer', (stored) =>
      stored
        ? new Categorizer(taxonomy, env.CATEGORY_MIN_CONFIDENCE, { version: stored.version, classifier: restoreClassifier(stored.algorithm, stored.weights, encoder) })
        : new Categorizer(taxonomy, env.CATEGORY_MIN_CONFIDENCE),
    );
  }

  get categorizer(): Categorizer {
    return this.active.model;
  }

  start(): Promise<void> {
    return this.active.start();
  }

  onApplicationShutdown(): void {
    this.active.close();
  }
}
