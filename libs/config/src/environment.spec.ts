import { environmentVariableNames, EnvironmentError, loadEnvironment } from './environment';

function errorOf(raw: Record<string, string | undefined>): EnvironmentError {
  try {
    loadEnvironment(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return error as EnvironmentError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('loadEnvironment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'log',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@localhost:5432/smartdesk',
      REDIS_URL: 'redis://localhost:6379',
      CHROMA_URL: 'http://127.0.0.1:8000',
      QUEUE_PREFIX: 'smartdesk',
      CHROMA_COLLECTION_PREFIX: 'smartdesk',
      KB_DIR: 'kb',
      TAXONOMY_FILE: 'config/taxonomy.yml',
      DEPENDENCY_TIMEOUT_MS: 120_000,
      OUTBOX_SWEEP_MS: 1000,
      MAX_BODY_BYTES: 65_536,
      CATEGORY_MIN_CONFIDENCE: 0.35,
      RESPONSE_MIN_CONFIDENCE: 0.4,
      JWT_SECRET_FILE: '.data/jwt-secret',
      JWT_TTL_SECONDS: 3600,
      RATE_LIMIT_INTAKE_PER_MINUTE: 30,
      RATE_LIMIT_SELF_SERVICE_PER_MINUTE: 240,
      RATE_LIMIT_LOGIN_PER_MINUTE: 20,
      LOGIN_LOCKOUT_ATTEMPTS: 10,
      LOGIN_LOCKOUT_SECONDS: 900,
      API_KEY_REQUESTS_PER_MINUTE: 600,
    });
    expect(env.WORKER_CONCURRENCY).toBeUndefined();
    expect(env.JWT_SECRET).toBeUndefined();
    expect(env.TRUST_PROXY).toBeUndefined();
    expect(loadEnvironment({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(env.WIDGET_ALLOWED_ORIGINS).toEqual([]);
    expect(loadEnvironment({ WIDGET_ALLOWED_ORIGINS: 'https://www.example.com, http://127.0.0.1:8080' }).WIDGET_ALLOWED_ORIGINS).toEqual(['https://www.example.com', 'http://127.0.0.1:8080']);
  });

  it('treats empty strings and undefined values as unset', () => {
    const env = loadEnvironment({ PORT: '', REDIS_URL: undefined, WORKER_CONCURRENCY: '' });
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://localhost:6379');
    expect(env.WORKER_CONCURRENCY).toBeUndefined();
  });

  it('parses numeric variables to numbers', () => {
    const env = loadEnvironment({
      PORT: '8080',
      WORKER_CONCURRENCY: '4',
      DEPENDENCY_TIMEOUT_MS: '5000',
      OUTBOX_SWEEP_MS: '250',
      MAX_BODY_BYTES: '1048576',
      CATEGORY_MIN_CONFIDENCE: '0.5',
      RESPONSE_MIN_CONFIDENCE: '0',
    });
    expect(env.PORT).toBe(8080);
    expect(env.WORKER_CONCURRENCY).toBe(4);
    expect(env.DEPENDENCY_TIMEOUT_MS).toBe(5000);
    expect(env.OUTBOX_SWEEP_MS).toBe(250);
    expect(env.MAX_BODY_BYTES).toBe(1_048_576);
    expect(env.CATEGORY_MIN_CONFIDENCE).toBe(0.5);
    expect(env.RESPONSE_MIN_CONFIDENCE).toBe(0);
  });

  it('accepts valid strings as given', () => {
    const env = loadEnvironment({
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://app:secret@db:5432/smartdesk',
      REDIS_URL: 'rediss://cache:6380',
      CHROMA_URL: 'http://chroma:8000',
      QUEUE_PREFIX: 'ci_run-42',
    });
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://app:secret@db:5432/smartdesk',
      REDIS_URL: 'rediss://cache:6380',
      CHROMA_URL: 'http://chroma:8000',
      QUEUE_PREFIX: 'ci_run-42',
    });
  });

  it('ignores variables it does not know', () => {
    expect(() => loadEnvironment({ HOME: '/root', PATH: '/usr/bin' })).not.toThrow();
  });

  it('names every bad variable in one error', () => {
    const error = errorOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'localhost:6379', NODE_ENV: 'staging', PATH: '/usr/bin' });
    expect(error.message).toMatch(/^Invalid environment:/);
    const lines = error.message.split('\n').slice(1);
    expect(lines).toHaveLength(4);
    expect(error.message).toMatch(/^ {2}PORT: .*PORT must be an integer number/m);
    expect(error.message).toContain('DATABASE_URL: DATABASE_URL must be a postgres:// URL (got "mysql://x")');
    expect(error.message).toContain('REDIS_URL: REDIS_URL must be a redis:// URL');
    expect(error.message).toContain('NODE_ENV:');
    expect(error.message).not.toContain('PATH');
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['WORKER_CONCURRENCY', '0'],
    ['WORKER_CONCURRENCY', '1000'],
    ['WORKER_CONCURRENCY', 'many'],
    ['DEPENDENCY_TIMEOUT_MS', '10'],
    ['OUTBOX_SWEEP_MS', '5'],
    ['MAX_BODY_BYTES', '100'],
    ['CATEGORY_MIN_CONFIDENCE', '1.5'],
    ['RESPONSE_MIN_CONFIDENCE', '-0.1'],
    ['RESPONSE_MIN_CONFIDENCE', 'high'],
    ['LOG_LEVEL', 'trace'],
    ['CHROMA_URL', 'chroma:8000'],
    ['QUEUE_PREFIX', 'smart:desk'],
    ['CHROMA_COLLECTION_PREFIX', '-bad'],
    ['JWT_SECRET', 'too-short-to-sign-with'],
    ['JWT_TTL_SECONDS', '30'],
    ['JWT_TTL_SECONDS', '604800'],
    ['RATE_LIMIT_INTAKE_PER_MINUTE', '0'],
    ['RATE_LIMIT_LOGIN_PER_MINUTE', 'lots'],
    ['LOGIN_LOCKOUT_ATTEMPTS', '0'],
    ['LOGIN_LOCKOUT_SECONDS', '100000'],
    ['API_KEY_REQUESTS_PER_MINUTE', '1.5'],
    ['TRUST_PROXY', 'everyone; rm -rf'],
    ['WIDGET_ALLOWED_ORIGINS', 'https://example.com/page'],
    ['WIDGET_ALLOWED_ORIGINS', "'self' https://example.com"],
    ['WIDGET_ALLOWED_ORIGINS', 'example.com'],
  ])('rejects %s=%s, naming it', (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error.message).toContain(`  ${name}: `);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

/** Every optional notification variable set, to values the apps accept. */
const NOTIFICATIONS = {
  ESCALATION_WEBHOOK_URLS: 'https://hooks.example.com/smartdesk, http://10.0.0.5:8080/in',
  WEBHOOK_SIGNING_SECRET: 'x'.repeat(32),
  SMTP_URL: 'smtp://mailer:secret@mail.example.com:587',
  ESCALATION_EMAIL_TO: 'oncall@example.com,lead@example.com',
};

describe('notification variables', () => {
  it('are off by default', () => {
    const env = loadEnvironment({});
    expect(env.ESCALATION_WEBHOOK_URLS).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.ESCALATION_EMAIL_FROM).toBe('smartdesk@localhost');
  });

  it('split comma-separated lists', () => {
    const env = loadEnvironment(NOTIFICATIONS);
    expect(env.ESCALATION_WEBHOOK_URLS).toEqual(['https://hooks.example.com/smartdesk', 'http://10.0.0.5:8080/in']);
    expect(env.ESCALATION_EMAIL_TO).toEqual(['oncall@example.com', 'lead@example.com']);
  });

  it.each([
    [{ ESCALATION_WEBHOOK_URLS: 'https://hooks.example.com/a' }, 'WEBHOOK_SIGNING_SECRET'],
    [{ ESCALATION_WEBHOOK_URLS: 'ftp://hooks.example.com/a', WEBHOOK_SIGNING_SECRET: 'x'.repeat(32) }, 'ESCALATION_WEBHOOK_URLS'],
    [{ WEBHOOK_SIGNING_SECRET: 'short' }, 'WEBHOOK_SIGNING_SECRET'],
    [{ SMTP_URL: 'http://mail.example.com', ESCALATION_EMAIL_TO: 'oncall@example.com' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.com' }, 'ESCALATION_EMAIL_TO'],
    [{ SMTP_URL: 'smtp://mail.example.com', ESCALATION_EMAIL_TO: 'oncall@example.com,nobody' }, 'ESCALATION_EMAIL_TO'],
  ])('rejects %j, naming %s', (raw, name) => {
    const error = errorOf(raw);
    expect(error.message).toContain(`  ${name}: `);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

describe('email channel and attachment variables', () => {
  it('are off (mail) and bounded (attachments) by default', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({ MAIL_IMAP_URL: undefined, MAIL_SMTP_URL: undefined, MAIL_FROM: undefined, MAIL_NOTIFY_STATUSES: [], MAIL_POLL_MS: 30_000, ATTACHMENT_MAX_BYTES: 10_485_760 });
    expect(env.ATTACHMENT_TYPES).toContain('application/pdf');
  });

  it('read mailbox lists and status lists', () => {
    const env = loadEnvironment({ MAIL_IMAP_URL: 'imaps://a%40x.com:p@imap.x.com/INBOX, imap://imap.y.com', MAIL_FROM: 'support@x.com', MAIL_NOTIFY_STATUSES: 'resolved,closed' });
    expect(env.MAIL_IMAP_URL).toEqual(['imaps://a%40x.com:p@imap.x.com/INBOX', 'imap://imap.y.com']);
    expect(env.MAIL_NOTIFY_STATUSES).toEqual(['resolved', 'closed']);
  });

  it.each([
    [{ MAIL_IMAP_URL: 'pop3://mail.example.com', MAIL_FROM: 'support@example.com' }, 'MAIL_IMAP_URL'],
    [{ MAIL_SMTP_URL: 'smtp://mail.example.com' }, 'MAIL_FROM'],
    [{ MAIL_IMAP_URL: 'imap://mail.example.com' }, 'MAIL_FROM'],
    [{ MAIL_NOTIFY_STATUSES: 'resolved,escalated' }, 'MAIL_NOTIFY_STATUSES'],
    [{ ATTACHMENT_TYPES: 'pdf' }, 'ATTACHMENT_TYPES'],
    [{ ATTACHMENTS_STORE: 'ftp' }, 'ATTACHMENTS_STORE'],
    [{ ATTACHMENTS_STORE: 's3' }, 'S3_BUCKET'],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'Attachments_2024' }, 'S3_BUCKET'],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'attachments', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'attachments', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, 'S3_SECRET_ACCESS_KEY'],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'attachments', S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
  ])('rejects %j, naming %s', (raw, name) => {
    expect(errorOf(raw).message).toContain(`  ${name}: `);
  });

  it('read an S3-compatible store, keys optional', () => {
    const env = loadEnvironment({ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'smartdesk-attachments', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' });
    expect(env).toMatchObject({ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'smartdesk-attachments', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true, S3_ACCESS_KEY_ID: undefined });
  });

  it('never repeat a secret in the error message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const message = errorOf({ S3_SECRET_ACCESS_KEY: secret, JWT_SECRET: 'short-but-secret' }).message;
    expect(message).toContain('  S3_ACCESS_KEY_ID: ');
    expect(message).toContain('  JWT_SECRET: ');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('short-but-secret');
  });
});

describe('environmentVariableNames', () => {
  const names = environmentVariableNames();

  it('lists the variables the deploy files must cover', () => {
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'CHROMA_URL', 'PORT', 'WORKER_CONCURRENCY']));
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'QUEUE_PREFIX', 'CATEGORY_MIN_CONFIDENCE', 'RESPONSE_MIN_CONFIDENCE']));
  });

  it('lists each name once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists exactly the variables loadEnvironment validates', () => {
    const loaded = Object.keys(loadEnvironment({ WORKER_CONCURRENCY: '2', JWT_SECRET: 'x'.repeat(32), TRUST_PROXY: '1', ...NOTIFICATIONS }));
    expect([...names].sort()).toEqual([...new Set(loaded)].sort());
  });
});
