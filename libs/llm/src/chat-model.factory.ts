import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAICompletions } from '@langchain/openai';
import type { Environment } from '@smartdesk/config';
import { apiKeyOrPlaceholder, openAICompatibleConfiguration } from './openai-compatible';

export type LlmSettings = Pick<Environment, 'LLM_PROVIDER' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>;

/**
 * The chat model LLM_PROVIDER names, or null when none is configured (everything stays offline).
 * Chat Completions rather than the Responses API: it is what Azure's v1 endpoint, Ollama and vLLM all speak.
 */
export function createChatModel(env: LlmSettings): BaseChatModel | null {
  if (env.LLM_PROVIDER === 'none') return null;
  return new ChatOpenAICompletions({
    model: env.LLM_MODEL,
    apiKey: apiKeyOrPlaceholder(env.OPENAI_API_KEY),
    temperature: 0,
    timeout: env.LLM_TIMEOUT_MS,
    // A failed call falls back to the offline result at once; retrying would only hold the ticket longer.
    maxRetries: 0,
    configuration: openAICompatibleConfiguration(env.OPENAI_BASE_URL, env.OPENAI_API_KEY),
  });
}
