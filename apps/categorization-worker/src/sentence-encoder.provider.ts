import type { Provider } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import type { SentenceEncoder } from '@smartdesk/nlp';
import { loadWordVectors, SifSentenceEncoder } from '@smartdesk/vector-store';

export const SENTENCE_ENCODER = Symbol('SentenceEncoder');

/**
 * The GloVe word vectors behind the categorizer's sentence features: read once per process from the
 * cache in EMBEDDING_CACHE_DIR (built on first use), before the worker takes a job, and shared by
 * training and prediction.
 */
export const sentenceEncoderProvider: Provider<SentenceEncoder> = {
  provide: SENTENCE_ENCODER,
  inject: [Environment],
  useFactory: async (env: Environment) => new SifSentenceEncoder(await loadWordVectors(env.EMBEDDING_CACHE_DIR)),
};
