import type { AddressInfo } from 'node:net';
import { serveWorkerHealth } from './worker-health';

describe('serveWorkerHealth', () => {
  it('answers liveness and readiness from the state, 503 when not, 404 for anything else', async () => {
    const state = { live: true, ready: false };
    const server = await serveWorkerHealth(0, { live: () => state.live, ready: () => state.ready });
    const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    try {
      expect((await fetch(url('/health/live'))).status).toBe(200);
      const notReady = await fetch(url('/health/ready'));
      expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'unavailable' }]);
      state.ready = true;
      expect((await fetch(url('/health/ready'))).status).toBe(200);
      state.live = false;
      expect((await fetch(url('/health/live'))).status).toBe(503);
      expect((await fetch(url('/jobs'))).status).toBe(404);
      expect((await fetch(url('/health/live'), { method: 'POST' })).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
