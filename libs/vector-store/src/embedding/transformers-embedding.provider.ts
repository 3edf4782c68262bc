import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { EmbeddingProvider, modelProviderId } from './embedding-provider';

export interface TransformersEmbeddingOptions {
  /** Folder holding models, one sub-folder per model id (e.g. `Xenova/all-MiniLM-L6-v2`). */
  modelDir: string;
  model: string;
}

/**
 * A sentence-embedding model (ONNX, e.g. all-MiniLM-L6-v2) run locally by transformers.js, read only
 * from disk: nothing is ever downloaded. Mean-pooled, L2-normalised token embeddings.
 */
export class TransformersEmbeddingProvider implements EmbeddingProvider {
  readonly id: string;

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    model: string,
    readonly dimension: number,
  ) {
    this.id = modelProviderId('transformers', model);
  }

  static async create(options: TransformersEmbeddingOptions): Promise<TransformersEmbeddingProvider> {
    const modelDir = resolve(options.modelDir);
    const path = join(modelDir, options.model);
    const missing = ['config.json', 'tokenizer.json', 'onnx/model.onnx'].filter((file) => !existsSync(join(path, file)));
    if (missing.length > 0) {
      throw new Error(
        `EMBEDDING_PROVIDER=transformers: the model '${options.model}' is not in ${path} (missing ${missing.join(', ')}). ` +
          'Copy a transformers.js model folder there (config.json, tokenizer.json, onnx/model.onnx), set EMBEDDING_MODEL_DIR and EMBEDDING_MODEL, or use EMBEDDING_PROVIDER=glove.',
      );
    }
    // Loaded only when chosen: the library pulls in onnxruntime.
    const transformers = await import('@huggingface/transformers');
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = modelDir + '/';
    const extractor = (await transformers.pipeline('feature-extraction', options.model, { dtype: 'fp32' })) as FeatureExtractionPipeline;
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    return new TransformersEmbeddingProvider(extractor, options.model, probe.dims[probe.dims.length - 1]);
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const output = await this.extractor(texts, { pooling: 'mean', normalize: true });
    return output.tolist() as number[][];
  }
}
