import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { ModelStore } from '@smartdesk/database';
import { SENTIMENT_ALGORITHM, SentimentAnalyzer, TrainedSentimentModel } from '@smartdesk/nlp';
import { ActiveModel } from '@smartdesk/runtime';

/** The sentiment model this process runs: the active trained version, or none (the zero-shot rules decide) before any training. */
@Injectable()
export class SentimentModelRegistry implements OnApplicationShutdown {
  private readonly active: ActiveModel<TrainedSentimentModel | null>;

  constructor(store: ModelStore, env: Environment, rules: SentimentAnalyzer) {
    this.active = new ActiveModel(store.for('sentiment'), env, 'sentiment', (stored) => {
      if (!stored) return null;
      if (stored.algorithm !== SENTIMENT_ALGORITHM) throw new Error(`unknown sentiment algorithm '${stored.algorithm}'`);
      return TrainedSentimentModel.fromBuffer(stored.weights, rules);
    });
  }

  /** The trained model and its version; null while the rules decide (version 0). */
  get trained(): { model: TrainedSentimentModel; version: number } | null {
    const model = this.active.model;
    return model ? { model, version: this.active.version } : null;
  }

  start(): Promise<void> {
    return this.active.start();
  }

  onApplicationShutdown(): void {
    this.active.close();
  }
}
