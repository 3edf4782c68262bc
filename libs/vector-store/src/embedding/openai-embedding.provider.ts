import { OpenAIEmbeddings } from '@langchain/openai';
import { apiKeyOrPlaceholder, openAICompatibleConfiguration } from '@smartdesk/llm';
import { EmbeddingProvider, modelProviderId } from './embedding-provider';

export interface OpenAIEmbeddingOptions {
  model: string;
  apiKey?: string;
  /** Any OpenAI-compatible `/v1` root: Azure OpenAI's v1 endpoint, Ollama, vLLM, LM Studio… Unset: api.openai.com. */
  baseURL?: string;
  /** Requested output size (text-embedding-3 models); unset: the model's own, found by one probe call. */
  dimensions?: number;
}

/** Embeddings from OpenAI, Azure OpenAI or any server that speaks its `/v1/embeddings`, through LangChain. */
export class OpenAIEmbeddingProvider implements EmbeddingProvider {
  readonly id: string;

  private constructor(
    private readonly client: OpenAIEmbeddings,
    model: string,
    readonly dimension: number,
  ) {
    this.id = modelProviderId('openai', model);
  }

  static async create(options: OpenAIEmbeddingOptions): Promise<OpenAIEmbeddingProvider> {
    const client = new OpenAIEmbeddings({
      model: options.model,
      apiKey: apiKeyOrPlaceholder(options.apiKey),
      dimensions: options.dimensions,
      // Plain floats: base64 (the SDK's default) is not understood by every compatible server.
      encodingFormat: 'float',
      maxRetries: 2,
      configuration: openAICompatibleConfiguration(options.baseURL, options.apiKey),
    });
    const dimension = options.dimensions ?? (await client.embedQuery('dimension probe')).length;
    return new OpenAIEmbeddingProvider(client, options.model, dimension);
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const vectors = await this.client.embedDocuments(texts);
    for (const vector of vectors) {
      if (vector.length !== this.dimension) throw new Error(`the embeddings endpoint returned ${vector.length} dimensions, expected ${this.dimension}`);
    }
    return vectors;
  }
}
