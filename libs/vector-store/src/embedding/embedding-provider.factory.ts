import type { Environment } from '@smartdesk/config';
import type { EmbeddingProvider } from './embedding-provider';
import { GloveEmbeddingProvider } from './glove/glove-embedding.provider';
import { HashingEmbeddingProvider } from './hashing-embedding.provider';
import { OpenAIEmbeddingProvider } from './openai-embedding.provider';
import { TransformersEmbeddingProvider } from './transformers-embedding.provider';

export const EMBEDDING_PROVIDERS = ['glove', 'hashing', 'openai', 'transformers'] as const;
export type EmbeddingProviderName = (typeof EMBEDDING_PROVIDERS)[number];

type EmbeddingSettings = Pick<Environment, 'EMBEDDING_PROVIDER' | 'EMBEDDING_CACHE_DIR' | 'EMBEDDING_MODEL' | 'EMBEDDING_MODEL_DIR' | 'EMBEDDING_DIMENSIONS' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>;

/** The provider EMBEDDING_PROVIDER names. Each has its own Chroma collection, so switching re-indexes. */
export function createEmbeddingProvider(env: EmbeddingSettings): Promise<EmbeddingProvider> {
  const name = env.EMBEDDING_PROVIDER as EmbeddingProviderName;
  switch (name) {
    case 'glove':
      return GloveEmbeddingProvider.load(env.EMBEDDING_CACHE_DIR);
    case 'hashing':
      return Promise.resolve(new HashingEmbeddingProvider());
    case 'openai':
      return OpenAIEmbeddingProvider.create({
        model: env.EMBEDDING_MODEL ?? 'text-embedding-3-small',
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.OPENAI_BASE_URL,
        dimensions: env.EMBEDDING_DIMENSIONS,
      });
    case 'transformers':
      return TransformersEmbeddingProvider.create({ modelDir: env.EMBEDDING_MODEL_DIR, model: env.EMBEDDING_MODEL ?? 'Xenova/all-MiniLM-L6-v2' });
    default:
      throw new Error(`unknown EMBEDDING_PROVIDER '${name satisfies never}'`);
  }
}
