/** Client options for OpenAI, Azure OpenAI's v1 endpoint, or any OpenAI-compatible server (Ollama, vLLM, LM Studio). */
export function openAICompatibleConfiguration(baseURL: string | undefined, apiKey: string | undefined) {
  return {
    baseURL,
    // Azure accepts its key as `api-key`; the SDK sends it as a bearer token.
    defaultHeaders: baseURL && apiKey && /\.azure\.com/i.test(baseURL) ? { 'api-key': apiKey } : undefined,
  };
}

/** Local servers need no key, but the OpenAI client insists on one. */
export const apiKeyOrPlaceholder = (apiKey: string | undefined) => apiKey || 'not-needed';
