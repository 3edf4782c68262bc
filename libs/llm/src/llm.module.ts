import { Global, Module } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Environment } from '@smartdesk/config';
import { createChatModel } from './chat-model.factory';
import { configureLlmBreaker } from './llm-breaker';

/** Injection token of the configured chat model: `BaseChatModel | null` (null: LLM_PROVIDER=none). */
export const CHAT_MODEL = Symbol('ChatModel');
export type ChatModel = BaseChatModel | null;

/** The chat model LLM_PROVIDER names, for the workers that use one. */
@Global()
@Module({
  providers: [
    {
      provide: CHAT_MODEL,
      inject: [Environment],
      useFactory: (env: Environment): ChatModel => {
        configureLlmBreaker({ failures: env.LLM_BREAKER_FAILURES, halfOpenAfterMs: env.LLM_BREAKER_HALF_OPEN_MS });
        return createChatModel(env);
      },
    },
  ],
  exports: [CHAT_MODEL],
})
export class LlmModule {}
