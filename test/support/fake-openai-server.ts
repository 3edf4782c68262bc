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

/**
 * A minimal OpenAI-compatible `/v1/embeddings` server on loopback. Records every request. Answers
 * 401 without the expected key, and a 3-dimensional vector for input containing "wrong-size".
 */
export async function startFakeOpenAI(apiKey: string): Promise<{ url: string; requests: EmbeddingRequest[]; close(): Promise<void> }> {
  const requests: EmbeddingRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as EmbeddingRequest['body'];
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return reply(404, { error: { message: 'not found' } });
      if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
