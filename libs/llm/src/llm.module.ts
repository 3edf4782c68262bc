import { Global, Module } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Environment } from '@smartdesk/config';
import { createChatModel } from './chat-model.factory';

/** Injection token of the configured chat model: `BaseChatModel | null` (null: LLM_PROVIDER=none). */
export const CHAT_MODEL = Symbol('ChatModel');
export type ChatModel = BaseChatModel | null;

/** The chat model LLM_PROVIDER names, for the workers that use one. */
@Global()
@Module({
  providers: [{ provide: CHAT_MODEL, inject: [Environment], useFactory: (env: Environment): ChatModel => createChatModel(env) }],
  exports: [CHAT_MODEL],
})
export class LlmModule {}
