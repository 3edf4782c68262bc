export interface ServerSentEvent {
  event: string;
  data: any;
}

/** Reads a server-sent event stream (fetch, so it can send credentials) and keeps every event it gets. */
export class SseClient {
  readonly events: ServerSentEvent[] = [];
  private readonly controller = new AbortController();
  status = 0;
  headers = new Headers();
  /** Set when the server ended the stream (not when close() aborted it). */
  ended = false;

  private constructor() {}

  /** Connects and resolves once the stream is open (its first event has arrived), or with the refusal status. */
  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: client.controller.signal });
    client.status = response.status;
    client.headers = response.headers;
    if (!response.ok || !response.body) return client;
    const first = new Promise<void>((resolve) => client.read(response.body!, resolve));
    await first;
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>, onFirst: () => void): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
          this.events.push({ event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : undefined });
          onFirst();
        }
      }
      this.ended = true;
    } catch {
      // closed by close()
    }
  }

  of(ticketId: string): ServerSentEvent[] {
    return this.events.filter((event) => event.data?.ticketId === ticketId);
  }

  close(): void {
    this.controller.abort();
  }
}
