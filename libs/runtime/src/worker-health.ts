import { createServer, Server } from 'node:http';

export interface WorkerHealthState {
  /** The process answers and none of its BullMQ workers stopped on an error. */
  live(): boolean;
  /** Dependencies answered, models loaded, jobs being taken. */
  ready(): boolean;
}

/**
 * A worker's probes for Kubernetes: GET /health/live and /health/ready, 200 or 503. HTTP rather than a
 * heartbeat file: an httpGet probe needs nothing in the image (an exec probe would start a node process per
 * probe), and the answer comes from the event loop, so a process stuck on a blocked loop fails liveness too.
 * Workers take no other HTTP, so this is a bare node:http listener, not a Nest app.
 */
export function serveWorkerHealth(port: number, state: WorkerHealthState): Promise<Server> {
  const server = createServer((request, response) => {
    const check = request.method === 'GET' ? { '/health/live': state.live, '/health/ready': state.ready }[request.url ?? ''] : undefined;
    const ok = check?.();
    response.writeHead(check === undefined ? 404 : ok ? 200 : 503, { 'content-type': 'application/json' });
    response.end(JSON.stringify(check === undefined ? { error: 'not found: GET /health/live or /health/ready' } : { status: ok ? 'ok' : 'unavailable' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server.unref()));
  });
}
