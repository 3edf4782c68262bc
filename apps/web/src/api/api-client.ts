/** The one way the web app talks to the gateway: same origin, the session cookie, JSON in and out. */

/** A gateway answer other than 2xx, with what the body said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The ticket's version now, when a change was refused because someone changed it first (409). */
  get currentVersion(): number | undefined {
    return typeof this.body?.currentVersion === 'number' ? this.body.currentVersion : undefined;
  }
}

/** Nest's error body: message is a string, or one line per invalid field. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  currentVersion?: number;
  [key: string]: unknown;
}

/** Marks the request as the web app's own (the gateway refuses cookie-authenticated writes without it: CSRF). */
const REQUESTED_WITH = { 'x-requested-with': 'smartdesk-web' };

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** `body` goes as JSON, unless `contentType` is given: then it is sent as is (e.g. a markdown upload as text/markdown). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; contentType?: string; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    signal: init.signal,
    headers: { accept: 'application/json', ...REQUESTED_WITH, ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}) },
    body: init.body === undefined ? undefined : init.contentType ? String(init.body) : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const errorBody = typeof body === 'object' && body !== null ? (body as ApiErrorBody) : undefined;
    const message = errorBody?.message;
    throw new ApiError(response.status, Array.isArray(message) ? message.join('; ') : (message ?? response.statusText), errorBody);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
