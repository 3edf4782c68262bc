import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { metricsRegistry } from './metrics';

/**
 * A bare HTTP listener that serves `/metrics` (Prometheus text exposition) and nothing else, for processes
 * without HTTP (the workers) and beside the gateway's public port. A separate port keeps metrics out of the
 * public API and its auth: only what can reach this port (the cluster network, Prometheus) can scrape.
 * Kept as a plain function so another small listener (e.g. liveness probes) can share or replace it.
 */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, message: 'only GET /metrics is served here' }));
      return;
    }
    metricsRegistry
      .metrics()
      .then((text) => response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text))
      .catch((error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics collection failed: ${error.message}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // Never keeps a draining process alive.
  server.unref();
  return server;
}

/** The port a started server listens on (useful with port 0). */
export const listeningPort = (server: Server): number => (server.address() as AddressInfo).port;
