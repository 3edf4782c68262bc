import { Agent, request } from 'node:http';

export interface PacedSubmission {
  /** Epoch ms at which the request was sent. */
  sentAt: number;
  status: number;
  /** The ticket id from a 201 body; undefined otherwise. */
  id?: string;
}

/**
 * Open-loop load at a fixed rate: one POST every 1/rate s on an even schedule, each sent whether or
 * not earlier ones have answered (autocannon's rate limit releases each second's quota in a burst,
 * which would measure queueing behind the burst rather than the pipeline at that rate).
 */
export async function pacedPosts(url: string, rate: number, durationS: number, body: () => unknown): Promise<PacedSubmission[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * durationS);
  const intervalMs = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<PacedSubmission>[] = [];
  try {
    for (let i = 0; i < total; i++) {
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
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        let id: string | undefined;
        if (status === 201) id = (JSON.parse(text) as { id?: string }).id;
        resolve({ sentAt, status, id });
      });
    });
    req.on('error', () => resolve({ sentAt, status: 0 }));
    req.end(payload);
  });
}
