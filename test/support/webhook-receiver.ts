import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../apps/escalation-worker/src/notifications/webhook-signature';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: any;
  /** Whether the signature checked out with the receiver's secret. */
  verified: boolean;
  /** The status the receiver answered. */
  answered: number;
}

/** A loopback HTTP receiver that checks each request's signature, as a customer's endpoint would; `failNext` answers 500 first. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private failures = 0;
  private server?: Server;
  url = '';

  constructor(private readonly secret: string) {}

  /** The next `count` requests get a 500, so the sender has to retry. */
  failNext(count: number): void {
    this.failures = count;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        const verified = verifyWebhook(
          this.secret,
          { signature: request.headers[SIGNATURE_HEADER] as string, timestamp: request.headers[TIMESTAMP_HEADER] as string },
          raw,
          Math.floor(Date.now() / 1000),
        );
        const answered = !verified ? 401 : this.failures-- > 0 ? 500 : 204;
        this.received.push({ headers: request.headers, body: JSON.parse(raw), verified, answered });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/hooks/smartdesk`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
