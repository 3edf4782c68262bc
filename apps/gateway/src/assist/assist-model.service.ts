import { ConflictException, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Environment } from '@smartdesk/config';
import { CHAT_MODEL, ChatModel } from '@smartdesk/llm';

/** The configured chat model as the agent's assistance uses it: refused when there is none, a clear 503 when it fails. */
@Injectable()
export class AssistModel {
  private readonly logger = new Logger(AssistModel.name);

  constructor(
    @Inject(CHAT_MODEL) private readonly model: ChatModel,
    private readonly env: Environment,
  ) {}

  /** The model name stored with, and shown on, everything it writes. */
  get name(): string {
    return this.env.LLM_MODEL;
  }

  /**
   * Runs `work` with the model. Without one, a 409 rather than a word-by-word gloss through the lexicon: a gloss
   * reads like a translation while it drops grammar, negation and most of the words, and an agent would answer what it got wrong.
   */
  async run<T>(task: 'translation' | 'summary', work: (model: BaseChatModel, timeoutMs: number) => Promise<T>): Promise<T> {
    if (!this.model) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `${task} needs an LLM, and none is configured (LLM_PROVIDER=none): set LLM_PROVIDER, LLM_MODEL and OPENAI_BASE_URL or OPENAI_API_KEY`,
        reason: 'llm-not-configured',
      });
    }
    try {
      return await work(this.model, this.env.LLM_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`${task} by ${this.name} failed: ${(error as Error).message}`);
      throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: `the LLM did not write the ${task}: try again later`, reason: 'llm-failed' });
    }
  }
}
