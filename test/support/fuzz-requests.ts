import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../libs/nlp/src/data/seeded-random';

/**
 * Hostile requests for every operation of the gateway's OpenAPI document (GET /docs-json), generated from
 * a seed: the same seed gives the same requests, so a failure found once is found again.
 */

export type FuzzRole = 'anonymous' | 'customer' | 'agent' | 'admin';
export const FUZZ_ROLES: readonly FuzzRole[] = ['anonymous', 'customer', 'agent', 'admin'];

export interface FuzzRequest {
  /** `METHOD /path/{param}` as in the OpenAPI document. */
  operation: string;
  /** What is hostile about it, e.g. `body.metadata: lone surrogate`. */
  attack: string;
  role: FuzzRole;
  method: string;
  /** The path and query, already percent-encoded (some encodings are invalid on purpose). */
  url: string;
  contentType?: string;
  body?: string | Uint8Array;
  /** Extra headers, e.g. a forged Authorization. */
  headers?: Record<string, string>;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Real values the requests start from, so that a hostile field is not the only thing wrong. */
export interface FuzzContext {
  /** A ticket that exists; used for half of the `{id}` of ticket routes. */
  ticketId: string;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every `METHOD /path` of the document. */
export function operationsOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Strings no column may store or that upset parsers, validators, SQL or regular expressions. */
export const HOSTILE_STRINGS: Record<string, string> = {
  NUL: 'a\u0000b',
  'lone high surrogate': 'a\uD800b',
  'lone low surrogate': '\uDC00z',
  'SQL metacharacters': "x' OR '1'='1'; DROP TABLE tickets; --",
  'LIKE wildcards': '%_\\%',
  'regex metacharacters': '(a+)+$[.*?\\',
  'RTL override and astral characters': '\u202E𝒳😀\u0301',
  'long text (5000 chars)': 'x'.repeat(5000),
  'path traversal': '../../etc/passwd',
  'whitespace only': '  \t ',
};

/** Numbers beyond every column: Postgres integer and bigint, JS safe integers, doubles. */
export const HOSTILE_NUMBERS: Record<string, number> = {
  'beyond Postgres integer': 3_000_000_000,
  'below Postgres integer': -3_000_000_000,
  'beyond bigint': 1e20,
  'beyond safe integers': 2 ** 53 + 1,
  'largest double': Number.MAX_VALUE,
  negative: -1,
  zero: 0,
  fraction: 1.5,
};

/** Dates that parse in JS or ISO 8601 but lie outside what Postgres timestamps hold, or do not exist. */
export const HOSTILE_DATES: Record<string, string> = {
  'year 0': '0000-01-01',
  'year 10000': '+010000-01-01T00:00:00Z',
  'the last JS date': '+275760-09-13T00:00:00Z',
  'the first JS date': '-271821-04-20T00:00:00Z',
  'February 30': '2026-02-30',
  'an offset of 99 hours': '2026-01-01T00:00:00+99:00',
};

const WRONG_TYPES: Record<string, unknown> = {
  null: null,
  'an array': ['x'],
  'an object': { x: 1 },
  'a boolean': true,
  'a number': 12,
  'a string': 'twelve',
};

/** Raw path segments, percent-encoded as sent (some invalid on purpose). */
const HOSTILE_SEGMENTS: Record<string, string> = {
  NUL: 'a%00',
  'lone surrogate (CESU-8 bytes)': '%ED%A0%80',
  'invalid UTF-8 percent-encoding': '%FF%FE',
  'beyond Postgres integer': '3000000000',
  negative: '-1',
  'SQL metacharacters': encodeURIComponent("1' OR '1'='1"),
  'regex metacharacters': encodeURIComponent('(a+)+$'),
  'encoded slash and traversal': '..%2F..%2Fetc',
  'long (3000 chars)': 'x'.repeat(3000),
  'a bare percent': '%',
};

/** Put in bodies no parser accepts: an error answer or log line that quotes the body shows it. */
export const ECHO_CANARY = 'ECHO-CANARY-7f3a';

const JSON_TYPE = 'application/json';

/** Whole bodies that no endpoint accepts, or that test the parsers' limits. */
const HOSTILE_BODIES: Record<string, { contentType: string; body: string | Uint8Array; headers?: Record<string, string> }> = {
  'deeply nested arrays (10,000 levels)': { contentType: JSON_TYPE, body: '['.repeat(10_000) + ']'.repeat(10_000) },
  'deeply nested objects (3,000 levels)': { contentType: JSON_TYPE, body: '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000) },
  'a huge array (15,000 items)': { contentType: JSON_TYPE, body: JSON.stringify({ items: Array(15_000).fill(1) }) },
  'larger than MAX_BODY_BYTES': { contentType: JSON_TYPE, body: JSON.stringify({ text: 'x'.repeat(70_000) }) },
  'truncated JSON': { contentType: JSON_TYPE, body: `{"subject": "${ECHO_CANARY}` },
  'invalid UTF-8 bytes': { contentType: JSON_TYPE, body: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
  'a __proto__ key': { contentType: JSON_TYPE, body: '{"__proto__": {"role": "admin", "isAdmin": true}}' },
  'constructor.prototype keys': { contentType: JSON_TYPE, body: '{"constructor": {"prototype": {"role": "admin"}}}' },
  'a JSON array': { contentType: JSON_TYPE, body: '[1, 2, 3]' },
  'a gzip bomb (10 MB of JSON in 10 kB)': { contentType: JSON_TYPE, body: gzipSync(`{"text": "${' '.repeat(10_000_000)}"}`), headers: { 'content-encoding': 'gzip' } },
  'gzip that is not gzip': { contentType: JSON_TYPE, body: '{"subject": "plain"}', headers: { 'content-encoding': 'gzip' } },
  'an unsupported content encoding': { contentType: JSON_TYPE, body: '{}', headers: { 'content-encoding': 'compress' } },
  'a JSON string': { contentType: JSON_TYPE, body: `"${ECHO_CANARY}"` },
  'an empty JSON body': { contentType: JSON_TYPE, body: '' },
  'UTF-16 charset': { contentType: 'application/json; charset=utf-16', body: '{}' },
  XML: { contentType: 'application/xml', body: `<ticket><subject>${ECHO_CANARY}</subject></ticket>` },
  'a form': { contentType: 'application/x-www-form-urlencoded', body: `subject=${ECHO_CANARY}&role=admin` },
  'plain text': { contentType: 'text/plain', body: ECHO_CANARY },
  'markdown with ---js front matter': {
    contentType: 'text/markdown',
    body: '---js\n{title: "pid " + process.pid, category: "billing", language: "en"}\n---\nThis body is long enough to be an article body.\n',
  },
  'markdown with a NUL': { contentType: 'text/markdown', body: '---\ntitle: T\u0000\ncategory: billing\nlanguage: en\n---\nThis body is long enough to be an article body.\n' },
  'a CSV with a __proto__ column and a NUL': { contentType: 'text/csv', body: '__proto__,text,label\nx,"hello\u0000",billing\n' },
  'a CSV with an unclosed quote': { contentType: 'text/csv', body: `text,label\n"${ECHO_CANARY},billing\n` },
};

/** A value the schema accepts, the starting point that one hostile field is put into. */
function sampleValue(schema: Schema, name: string, document: OpenApiDocument, depth = 0): unknown {
  const resolved = resolve(schema, document);
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.format === 'uuid') return randomUUIDFrom(name);
  switch (resolved.type) {
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [sampleValue(resolved.items ?? { type: 'string' }, name, document, depth + 1)];
    case 'object':
      if (!resolved.properties || depth > 3) return { plan: 'vip' };
      return Object.fromEntries(Object.entries(resolved.properties).map(([key, property]) => [key, sampleValue(property, key, document, depth + 1)]));
    default:
      return /email/i.test(name) ? 'fuzz@example.com' : 'Sample text long enough for any minimum length rule.';
  }
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, document);
  if (schema.allOf?.length && !schema.type) return { ...schema, ...resolve(schema.allOf[0], document), allOf: undefined };
  return schema;
}

/** Stable per name within a run (the seed decides the rest); v4-shaped so format checks pass. */
const uuids = new Map<string, string>();
function randomUUIDFrom(name: string): string {
  if (!uuids.has(name)) uuids.set(name, randomUUID());
  return uuids.get(name)!;
}

function samplePathValue(name: string, path: string, context: FuzzContext, random: () => number): string {
  if (name === 'id' && path.startsWith('/api/tickets/')) return random() < 0.5 ? context.ticketId : randomUUIDFrom('ticket');
  if (name === 'id' && path.startsWith('/api/kb/')) return 'billing/fuzz-article';
  if (name === 'revision' || name === 'version') return '1';
  if (name === 'category') return 'billing';
  if (name === 'jobId') return 'fuzz-job';
  return randomUUIDFrom(name);
}

function pick<T>(entries: T[], count: number, random: () => number): T[] {
  const pool = [...entries];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return picked;
}

/** A JSON body as sent: lone surrogates stay `\uD800` escapes, which JSON.parse turns back into them. */
const json = (value: unknown) => JSON.stringify(value);

/**
 * The hostile requests for one operation: every path parameter and query parameter with hostile segments
 * and values, every body property with hostile values and wrong types, and whole hostile bodies. Roles
 * rotate, so each operation is called as anonymous, customer, agent and admin.
 */
export function fuzzRequestsFor(operationKey: string, document: OpenApiDocument, context: FuzzContext, seed: number): FuzzRequest[] {
  const random = seededRandom(seed);
  const [method, path] = operationKey.split(' ');
  const operation = document.paths[path][method.toLowerCase()];
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const bodyTypes = Object.keys(operation.requestBody?.content ?? {});
  const jsonSchema = operation.requestBody?.content['application/json']?.schema;
  const bodySchema = jsonSchema ? resolve(jsonSchema, document) : undefined;
  const sampleBody = bodySchema ? (sampleValue(bodySchema, 'body', document) as Record<string, unknown>) : undefined;

  const pathValues = Object.fromEntries(pathParameters.map((parameter) => [parameter.name, samplePathValue(parameter.name, path, context, random)]));
  const urlWith = (segments: Record<string, string>, query = '') =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => segments[name] ?? encodeURIComponent(pathValues[name])) + (query ? `?${query}` : '');
  const withSample = (): Pick<FuzzRequest, 'contentType' | 'body'> => (sampleBody ? { contentType: 'application/json', body: json(sampleBody) } : {});

  const requests: Omit<FuzzRequest, 'role'>[] = [];
  const add = (attack: string, url: string, body: Pick<FuzzRequest, 'contentType' | 'body'> = withSample(), headers?: Record<string, string>) =>
    requests.push({ operation: operationKey, attack, method, url, ...body, ...(headers ? { headers } : {}) });

  for (const parameter of pathParameters) {
    for (const [attack, segment] of Object.entries(HOSTILE_SEGMENTS)) add(`path ${parameter.name}: ${attack}`, urlWith({ [parameter.name]: segment }));
  }
  for (const parameter of queryParameters) {
    const values: [string, string][] = [
      ...Object.entries(HOSTILE_STRINGS)
        .filter(([attack]) => !attack.startsWith('lone'))
        .map(([attack, value]): [string, string] => [attack, encodeURIComponent(value)]),
      ['lone surrogate (CESU-8 bytes)', '%ED%A0%80'],
      ['invalid UTF-8 percent-encoding', '%FF'],
      ['beyond Postgres integer', '3000000000'],
      ['beyond bigint', '1e20'],
      ['NaN', 'NaN'],
    ];
    for (const [attack, value] of pick(values, 6, random)) add(`query ${parameter.name}: ${attack}`, urlWith({}, `${parameter.name}=${value}`));
    if (/^\d{4}-\d{2}-\d{2}/.test(String(resolve(parameter.schema ?? {}, document).example ?? ''))) {
      for (const [attack, value] of Object.entries(HOSTILE_DATES)) add(`query ${parameter.name}: ${attack}`, urlWith({}, `${parameter.name}=${encodeURIComponent(value)}`));
    }
    add(`query ${parameter.name}: repeated`, urlWith({}, `${parameter.name}=a&${parameter.name}=b`));
    add(`query ${parameter.name}: bracket syntax`, urlWith({}, `${parameter.name}[$ne]=1`));
  }
  if (queryParameters.length === 0) {
    for (const [attack, value] of [
      ['NUL', '%00'],
      ['lone surrogate (CESU-8 bytes)', '%ED%A0%80'],
      ['SQL metacharacters', encodeURIComponent(HOSTILE_STRINGS['SQL metacharacters'])],
    ]) {
      add(`query: an unknown parameter with ${attack}`, urlWith({}, `zz=${value}`));
    }
  }

  if (sampleBody && bodySchema?.properties) {
    for (const [name, property] of Object.entries(bodySchema.properties)) {
      const type = resolve(property, document).type;
      const hostile: [string, unknown][] = [
        ...Object.entries(WRONG_TYPES).filter(([attack]) => attack !== `a ${type}` && attack !== `an ${type}`),
        ...(type === 'number' || type === 'integer' ? Object.entries(HOSTILE_NUMBERS) : Object.entries(HOSTILE_STRINGS)),
      ];
      for (const [attack, value] of pick(hostile, 4, random)) add(`body.${name}: ${attack}`, urlWith({}), { contentType: 'application/json', body: json({ ...sampleBody, [name]: value }) });
      if (type === 'object') {
        add(`body.${name}: NUL in a key`, urlWith({}), { contentType: 'application/json', body: json({ ...sampleBody, [name]: { 'a\u0000b': 'x' } }) });
        add(`body.${name}: lone surrogate in a value`, urlWith({}), { contentType: 'application/json', body: json({ ...sampleBody, [name]: { plan: '\uD800' } }) });
      }
    }
    add('body: an unknown property', urlWith({}), { contentType: 'application/json', body: json({ ...sampleBody, isAdmin: true }) });
  }
  // A GET cannot carry a body (fetch refuses one); an operation that reads one gets every hostile body, the others a few.
  const bodies = Object.entries(HOSTILE_BODIES);
  if (method !== 'GET') {
    for (const [attack, { headers, ...body }] of bodyTypes.length > 0 ? bodies : pick(bodies, 6, random)) add(`body: ${attack}`, urlWith({}), body, headers);
  }
  add('header: a forged bearer token', urlWith({}), withSample(), { authorization: "Bearer ' OR 1=1 --" });
  add('header: a forged API key', urlWith({}), withSample(), { 'x-api-key': '%00\u00ff' });

  const offset = Math.floor(random() * FUZZ_ROLES.length);
  return requests.map((request, index) => ({ ...request, role: FUZZ_ROLES[(index + offset) % FUZZ_ROLES.length] }));
}
