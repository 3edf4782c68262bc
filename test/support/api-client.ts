/** Minimal JSON client for the gateway under test. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (kept as text)
    }
    return { status: response.status, body: parsed };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
}

export const sampleTicket = (overrides: Record<string, unknown> = {}) => ({
  customerName: 'Jamie Doe',
  customerEmail: 'jamie@example.com',
  subject: 'Where is my parcel?',
  description: 'I ordered a lamp (order 4411) ten days ago and the tracking has not moved since Monday. Can you check where it is?',
  ...overrides,
});
