import { Agent, request } from 'node:http';

export interface PacedSubmission {
  /** Epoch ms at which the request was sent. */
  sentAt: number;
  /** Epoch ms at which the answer (or the error) came. */
  answeredAt: number;
  /** 0 when no HTTP answer came (see error). */
  status: number;
  /** The ticket id from a 201 body; undefined otherwise. */
  id?: string;
  /** Whether a non-201 answer had a JSON body (a clear error rather than a bare failure). */
  jsonBody?: boolean;
  /** The socket error code when no answer came (ECONNREFUSED, ECONNRESET), or 'TIMEOUT' past the time limit. */
  error?: string;
}

/** A request still unanswered after this long is abandoned and counted as a hang. */
export const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Open-loop load at a fixed rate: one POST every 1/rate s on an even schedule, each sent whether or
 * not earlier ones have answered (autocannon's rate limit releases each second's quota in a burst,
 * which would measure queueing behind the burst rather than the pipeline at that rate). `stop` ends
 * the sending early (with durationS Infinity: a load that runs until told to stop).
 */
export async function pacedPosts(url: string, rate: number, durationS: number, body: () => unknown, stop?: AbortSignal): Promise<PacedSubmission[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * durationS);
  const intervalMs = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<PacedSubmission>[] = [];
  try {
    for (let i = 0; i < total && !stop?.aborted; i++) {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(post(url, JSON.stringify(body()), agent));
    }
    return await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
}

function post(url: string, payload: string, agent: Agent): Promise<PacedSubmission> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const fail = (error: string) => resolve({ sentAt, answeredAt: Date.now(), status: 0, error });
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = parseJson(text);
        resolve({ sentAt, answeredAt: Date.now(), status, id: status === 201 ? (body as { id?: string }).id : undefined, jsonBody: body !== undefined });
      });
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => {
      fail('TIMEOUT');
      req.destroy();
    });
    // After a timeout the promise is already settled; the destroy error changes nothing.
    req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    req.end(payload);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
