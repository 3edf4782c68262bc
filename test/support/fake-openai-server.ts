import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface EmbeddingRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model: string; input: string | string[]; encoding_format?: string; dimensions?: number };
}

export const FAKE_DIMENSION = 8;

/** The fake model: each word adds 1 to one of 8 dimensions (chosen by a hash), plus a small floor. */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_DIMENSION).fill(0.01);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % FAKE_DIMENSION] += 1;
  }
  return vector;
}

export interface ChatRequest {
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content: string; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string } }[];
    response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown> } };
    [key: string]: unknown;
  };
}

/** What the fake chat model does with one request: answer with content, call tools, fail with a status, or never answer. */
export type ChatBehaviour = { content: string } | { toolCalls: { name: string; arguments: unknown }[] } | { status: number } | { hang: true };
/** A script may answer later (a promise): a test holds the model's answer to keep a turn waiting on it. */
export type ChatScript = (request: ChatRequest) => ChatBehaviour | Promise<ChatBehaviour>;

export interface FakeOpenAI {
  /** The `/v1` root to pass as OPENAI_BASE_URL. */
  url: string;
  requests: EmbeddingRequest[];
  chatRequests: ChatRequest[];
  /** Decides the answers to the chat requests that follow (default: 500, so a test says what it expects). */
  scriptChat(script: ChatScript): void;
  close(): Promise<void>;
}

/** The tool results (role `tool`) a chat request carries back to the model, oldest first. */
export const toolResults = (request: ChatRequest) => request.body.messages.filter((message) => message.role === 'tool').map((message) => message.content);

/** The text of all messages of a chat request, system prompt first. */
export const promptText = (request: ChatRequest) => request.body.messages.map((message) => message.content).join('\n');

/** The system prompt of a chat request (its instructions). */
export const systemPrompt = (request: ChatRequest) => request.body.messages.find((message) => message.role === 'system')?.content ?? '';
/** The first user message of a chat request (the data it works on). */
export const userPrompt = (request: ChatRequest) => request.body.messages.find((message) => message.role === 'user')?.content ?? '';

/**
 * A chat script for the agent's assistance: the fake model translates by tagging the text with the language its
 * instructions name, and summarizes by counting the message blocks it was given: enough to see what went into each prompt.
 */
export function fakeAssistant(request: ChatRequest): ChatBehaviour {
  const instructions = systemPrompt(request);
  const translateInto = /into (\w+)\./.exec(instructions)?.[1];
  if (translateInto && instructions.includes('You translate'))
    return {
      content: `[${translateInto}] ${userPrompt(request)
        .replace(/<\/?ticket>/g, '')
        .trim()}`,
    };
  if (instructions.includes('You summarize')) return { content: `Summary of ${(userPrompt(request).match(/<ticket n=/g) ?? []).length} messages.` };
  return { status: 500 };
}

/**
 * A minimal OpenAI-compatible server on loopback: `/v1/embeddings` and `/v1/chat/completions`. Records
 * every request. Answers 401 without the expected key, and a 3-dimensional vector for input containing
 * "wrong-size". Chat answers follow the script set by the test.
 */
export async function startFakeOpenAI(apiKey: string): Promise<FakeOpenAI> {
  const requests: EmbeddingRequest[] = [];
  const chatRequests: ChatRequest[] = [];
  let script: ChatScript = () => ({ status: 500 });
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || (req.url !== '/v1/embeddings' && req.url !== '/v1/chat/completions')) return reply(404, { error: { message: 'not found' } });
      if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
      if (req.url === '/v1/chat/completions') {
        const request: ChatRequest = { headers: req.headers, body: JSON.parse(raw || '{}') };
        chatRequests.push(request);
        const behaviour = await script(request);
        if ('hang' in behaviour) return;
        if ('status' in behaviour) return reply(behaviour.status, { error: { message: `scripted failure ${behaviour.status}`, type: 'server_error' } });
        const message =
          'toolCalls' in behaviour
            ? {
                role: 'assistant',
                content: null,
                tool_calls: behaviour.toolCalls.map((call, i) => ({
                  id: `call_${chatRequests.length}_${i}`,
                  type: 'function',
                  function: { name: call.name, arguments: JSON.stringify(call.arguments) },
                })),
              }
            : { role: 'assistant', content: behaviour.content };
        return reply(200, {
          id: `chatcmpl-${chatRequests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: request.body.model,
          choices: [{ index: 0, message, finish_reason: 'toolCalls' in behaviour ? 'tool_calls' : 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      }
      const body = JSON.parse(raw || '{}') as EmbeddingRequest['body'];
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      reply(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: text.includes('wrong-size') ? [1, 2, 3] : fakeEmbedding(text) })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests,
    scriptChat: (next) => (script = next),
    close: () =>
      new Promise((resolve) => {
        // Hanging requests would keep the server open forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
