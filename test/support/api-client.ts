/** Minimal JSON client for the gateway under test; `as` and `withApiKey` give clients that send credentials. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly credentials: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...this.credentials, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (kept as text)
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
  postCsv = (path: string, csv: string) => this.request('POST', path, csv, 'text/csv');

  /** A client sending `Authorization: Bearer <token>`. */
  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, { authorization: `Bearer ${token}` });
  }

  withApiKey(key: string): ApiClient {
    return new ApiClient(this.baseUrl, { 'x-api-key': key });
  }

  /** A client as the web app calls: the session cookie, and whatever other headers (x-requested-with, origin) are given. */
  withCookie(cookie: string, headers: Record<string, string> = {}): ApiClient {
    return new ApiClient(this.baseUrl, { cookie, ...headers });
  }

  /** Signs in through POST /api/auth/login and returns a client carrying the token. */
  async signIn(email: string, password: string): Promise<ApiClient> {
    const response = await new ApiClient(this.baseUrl).post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this.as(response.body.accessToken);
  }
}

export const sampleTicket = (overrides: Record<string, unknown> = {}) => ({
  customerName: 'Jamie Doe',
  customerEmail: 'jamie@example.com',
  subject: 'Where is my parcel?',
  description: 'I ordered a lamp (order 4411) ten days ago and the tracking has not moved since Monday. Can you check where it is?',
  ...overrides,
});
