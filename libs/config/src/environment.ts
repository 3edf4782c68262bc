import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/** The JWT_SECRET once published as the development default: known to everyone, so never used to sign. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-in-production';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** `true`/`false` as a boolean; anything else stays a string, which IsBoolean then names. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** A comma-separated list variable as an array of trimmed, non-empty entries. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
    : value;

/**
 * Every environment variable any Smartdesk app reads, with its default.
 * `.env.example`, docker-compose.yml and deploy/ are checked against this class by tests.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  /** Log lines as JSON objects (with request, ticket and job ids) or as coloured text; unset: json in production, pretty elsewhere. */
  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@localhost:5432/smartdesk';

  /** Postgres connections each process may open (its pool): size it with the server's max_connections over all processes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://localhost:6379';

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'CHROMA_URL must be an http(s):// URL' })
  CHROMA_URL = 'http://127.0.0.1:8000';

  /** Namespaces BullMQ keys so several deployments (or test suites) can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 characters of [a-zA-Z0-9_-]' })
  QUEUE_PREFIX = 'smartdesk';

  /** Prefix of the Chroma collection names (3-512 characters of [a-zA-Z0-9._-] in all). */
  @Matches(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,60}$/, { message: 'CHROMA_COLLECTION_PREFIX must be 2-61 characters of [a-zA-Z0-9._-]' })
  CHROMA_COLLECTION_PREFIX = 'smartdesk';

  @IsString()
  KB_DIR = 'kb';

  /** The rag-worker watches KB_DIR and re-indexes a changed file within seconds; false: kb/ is read at start only. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'KB_WATCH must be true or false' })
  KB_WATCH = true;

  @IsString()
  TAXONOMY_FILE = 'config/taxonomy.yml';

  /** Overrides the per-queue default concurrency of whichever worker reads it. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY?: number;

  /** A worker's liveness/readiness listener (GET /health/live, /health/ready) for Kubernetes probes; unset: none. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_HEALTH_PORT?: number;

  /**
   * Port of the process's own Prometheus listener (GET /metrics only; the gateway's and every worker's). Kept off
   * the public port so scraping needs no user session and metrics never reach the internet. Unset: no listener.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Address the metrics listener binds (0.0.0.0 in a container, so Prometheus can reach it). */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** How long an app waits at boot for Postgres, Redis and Chroma before giving up. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  DEPENDENCY_TIMEOUT_MS = 120_000;

  /** How often the gateway re-publishes outbox messages that could not reach Redis at once. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_MS = 1000;

  /** Largest accepted request body, in bytes (larger → 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  MAX_BODY_BYTES = 65_536;

  /**
   * HMAC key that signs the gateway's access tokens (HS256); at least 32 characters. Required in production;
   * elsewhere, when unset, the gateway generates one and keeps it in JWT_SECRET_FILE.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Outside production without JWT_SECRET: where the generated signing key is kept (mode 0600), so sessions survive restarts. */
  @IsString()
  JWT_SECRET_FILE = '.data/jwt-secret';

  /** How long an access token (and the sd_session cookie) from POST /api/auth/login is valid, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS = 3600;

  /** Anonymous POST /api/tickets allowed per client IP per minute (more: 429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_INTAKE_PER_MINUTE = 30;

  /** Anonymous self-service reads and reports (kb suggestions while typing, articles, deflection events) per client IP per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SELF_SERVICE_PER_MINUTE = 240;

  /** POST /api/auth/login attempts allowed per client IP per minute (more: 429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 20;

  /** Sign-in attempts for one email (from any IP) within LOGIN_LOCKOUT_SECONDS before that email is locked out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_ATTEMPTS = 10;

  /** The window that counts sign-in attempts per email, and how long a locked-out email then waits, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCKOUT_SECONDS = 900;

  /**
   * Express's `trust proxy` for the gateway behind a load balancer or ingress: a hop count (e.g. 1) or
   * comma-separated addresses/subnets (e.g. loopback, 10.0.0.0/8). Unset: the TCP peer is the client. Rate
   * limits count per client address and the session cookie is Secure on HTTPS, so both need the real client.
   */
  @IsOptional()
  @Matches(/^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, { message: 'TRUST_PROXY must be a hop count or comma-separated addresses, subnets or names (loopback, linklocal, uniquelocal)' })
  TRUST_PROXY?: string;

  /**
   * Sites that may embed the assistant widget (comma-separated origins, scheme://host[:port]): the only
   * page that may be framed, /assistant/embed, gets `frame-ancestors` these. Empty: it refuses framing too.
   */
  @Transform(toList)
  @Matches(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, { each: true, message: 'WIDGET_ALLOWED_ORIGINS must be comma-separated origins such as https://www.example.com (scheme and host, no path)' })
  WIDGET_ALLOWED_ORIGINS: string[] = [];

  /** Requests per minute an API key may make unless the key sets its own quota. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_KEY_REQUESTS_PER_MINUTE = 600;

  /** Below this confidence a category is marked for an agent to confirm. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  CATEGORY_MIN_CONFIDENCE = 0.35;

  /** How often the categorizer is retrained from confirmed tickets and imports (skipped when nothing changed); 0: only on demand. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  CATEGORY_RETRAIN_EVERY_MS = 3_600_000;

  /** How often the sentiment model is retrained from confirmed tickets and imports (skipped when nothing changed); 0: only on demand. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SENTIMENT_RETRAIN_EVERY_MS = 3_600_000;

  /** Examples each sentiment label needs before a trained model replaces the zero-shot rules. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  SENTIMENT_MIN_EXAMPLES_PER_LABEL = 20;

  /** Largest accepted training-data import (CSV), in bytes (larger → 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 10_485_760;

  /** Below this confidence a suggested response says it needs a human (and escalation sees it). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  RESPONSE_MIN_CONFIDENCE = 0.4;

  /** Embeds kb chunks and queries. Each provider (and dimension) has its own Chroma collection: switching re-indexes. */
  @IsIn(['glove', 'hashing', 'openai', 'transformers'])
  EMBEDDING_PROVIDER = 'glove';

  /** Where the glove provider keeps its compact word-vector cache (built from the npm package on first use). */
  @IsString()
  EMBEDDING_CACHE_DIR = '.data/embeddings';

  /** Model name: an OpenAI model or deployment (default text-embedding-3-small), or a transformers model folder (default Xenova/all-MiniLM-L6-v2). */
  @IsOptional()
  @IsString()
  EMBEDDING_MODEL?: string;

  /** Folder holding local transformers models, one sub-folder per model name. */
  @IsString()
  EMBEDDING_MODEL_DIR = '.data/models';

  /** Output size requested from the OpenAI endpoint (text-embedding-3 models); unset: the model's own. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EMBEDDING_DIMENSIONS?: number;

  /** Key for the OpenAI (or Azure OpenAI) endpoint; a local OpenAI-compatible server may need none. */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** Root of any OpenAI-compatible API, e.g. https://RESOURCE.openai.azure.com/openai/v1 or http://localhost:11434/v1. Unset: OpenAI. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'OPENAI_BASE_URL must be an http(s):// URL' })
  OPENAI_BASE_URL?: string;

  /** Chat model for written replies and the category judge: none (offline), or openai (OpenAI, Azure OpenAI, any compatible server via OPENAI_BASE_URL). */
  @IsIn(['none', 'openai'])
  LLM_PROVIDER = 'none';

  /** Chat model name (on Azure: the deployment). */
  @IsString()
  LLM_MODEL = 'gpt-4o-mini';

  /** Longest wait for one LLM answer; slower or failed calls fall back to the offline result. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  LLM_TIMEOUT_MS = 8000;

  /** Consecutive failed or timed-out LLM calls after which the breaker opens: calls then go straight to the offline result. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LLM_BREAKER_FAILURES = 3;

  /** How long the open LLM breaker waits before letting one trial call through (half-open); its success closes it. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LLM_BREAKER_HALF_OPEN_MS = 30_000;

  /** SLA policies per priority and the business-hours calendar they are measured on. */
  @IsString()
  SLA_CONFIG_FILE = 'config/sla.yml';

  /** Escalation rules: each rule's level and thresholds. */
  @IsString()
  ESCALATION_RULES_FILE = 'config/escalation.yml';

  /** Receivers of escalation webhooks (comma-separated http(s) URLs); none when unset. */
  @IsOptional()
  @Transform(toList)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { each: true, message: 'ESCALATION_WEBHOOK_URLS must be comma-separated http(s) URLs' })
  ESCALATION_WEBHOOK_URLS?: string[];

  /** HMAC-SHA256 key that signs every webhook; required with ESCALATION_WEBHOOK_URLS. */
  @ValidateIf((env: Environment) => env.WEBHOOK_SIGNING_SECRET !== undefined || (env.ESCALATION_WEBHOOK_URLS?.length ?? 0) > 0)
  @IsString({ message: 'WEBHOOK_SIGNING_SECRET is required when ESCALATION_WEBHOOK_URLS is set' })
  @MinLength(32, { message: 'WEBHOOK_SIGNING_SECRET must be at least 32 characters' })
  WEBHOOK_SIGNING_SECRET?: string;

  /** SMTP server for escalation email (smtp:// or smtps://, credentials in the URL); no email when unset. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Recipients of escalation email (comma-separated); required with SMTP_URL. */
  @ValidateIf((env: Environment) => env.SMTP_URL !== undefined || env.ESCALATION_EMAIL_TO !== undefined)
  @Transform(toList)
  @IsEmail({}, { each: true, message: 'ESCALATION_EMAIL_TO must be comma-separated email addresses (required with SMTP_URL)' })
  ESCALATION_EMAIL_TO?: string[];

  /** Sender of escalation email. */
  @IsEmail({ require_tld: false })
  ESCALATION_EMAIL_FROM = 'smartdesk@localhost';

  /**
   * Support mailboxes the mail worker reads, comma-separated imap:// or imaps:// URLs, one per mailbox:
   * imaps://support%40example.com:PASSWORD@imap.example.com/INBOX (the path is the folder, INBOX when empty).
   * No inbound mail when unset.
   */
  @IsOptional()
  @Transform(toList)
  @Matches(/^imaps?:\/\/[^/]+/, { each: true, message: 'MAIL_IMAP_URL must be comma-separated imap:// or imaps:// URLs' })
  MAIL_IMAP_URL?: string[];

  /** IMAP user for mailbox URLs that carry none. */
  @IsOptional()
  @IsString()
  MAIL_IMAP_USER?: string;

  /** IMAP password for mailbox URLs that carry none. */
  @IsOptional()
  @IsString()
  MAIL_IMAP_PASSWORD?: string;

  /** How often each mailbox is read (a repeatable job: one read per interval, whatever the number of mail workers). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  MAIL_POLL_MS = 30_000;

  /** SMTP server for mail to customers (public replies, status notices); no customer mail when unset. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'MAIL_SMTP_URL must be an smtp:// or smtps:// URL' })
  MAIL_SMTP_URL?: string;

  /** The support address customers write to and get mail from; required with MAIL_SMTP_URL or MAIL_IMAP_URL. */
  @ValidateIf((env: Environment) => env.MAIL_FROM !== undefined || env.MAIL_SMTP_URL !== undefined || env.MAIL_SMTP_LISTEN_PORT !== undefined || (env.MAIL_IMAP_URL?.length ?? 0) > 0)
  @IsEmail({ require_tld: false }, { message: 'MAIL_FROM must be an email address (required with MAIL_SMTP_URL, MAIL_IMAP_URL or MAIL_SMTP_LISTEN_PORT)' })
  MAIL_FROM?: string;

  /**
   * Port of the mail worker's own SMTP endpoint, for teams that forward support mail to it instead of (or beside)
   * a mailbox read by IMAP; it accepts mail for MAIL_FROM only. Off when unset.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  MAIL_SMTP_LISTEN_PORT?: number;

  /** Address the SMTP endpoint listens on (0.0.0.0 in a container that receives forwarded mail). */
  @IsString()
  MAIL_SMTP_LISTEN_HOST = '127.0.0.1';

  /** Status changes also mailed to the customer (comma-separated: open, pending, resolved, closed); none by default. */
  @Transform(toList)
  @IsIn(['open', 'pending', 'resolved', 'closed'], { each: true, message: 'MAIL_NOTIFY_STATUSES must be comma-separated statuses: open, pending, resolved, closed' })
  MAIL_NOTIFY_STATUSES: string[] = [];

  /** Where attachment bytes are kept: a local directory (ATTACHMENTS_DIR) or an S3-compatible bucket (S3_*). */
  @IsIn(['local', 's3'], { message: 'ATTACHMENTS_STORE must be local or s3' })
  ATTACHMENTS_STORE: 'local' | 's3' = 'local';

  /** With ATTACHMENTS_STORE=local: the directory (every gateway and mail worker must see the same one). */
  @IsString()
  ATTACHMENTS_DIR = '.data/attachments';

  /** S3-compatible endpoint (MinIO, Ceph, R2, ...); unset: AWS S3 of S3_REGION. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string;

  /** The bucket attachments go to; required with ATTACHMENTS_STORE=s3. */
  @ValidateIf((env: Environment) => env.ATTACHMENTS_STORE === 's3' || env.S3_BUCKET !== undefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name (3-63 characters of a-z, 0-9, . and -), required with ATTACHMENTS_STORE=s3' })
  S3_BUCKET?: string;

  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'S3_REGION must be a region name such as eu-west-1' })
  S3_REGION = 'us-east-1';

  /** Access key; unset: the SDK's own credential chain (instance role, web identity). Set with S3_SECRET_ACCESS_KEY. */
  @ValidateIf((env: Environment) => env.S3_ACCESS_KEY_ID !== undefined || env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: Environment) => env.S3_ACCESS_KEY_ID !== undefined || env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_SECRET_ACCESS_KEY and S3_ACCESS_KEY_ID go together' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted S3-compatible stores need true. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /** Largest accepted attachment, in bytes (larger → 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  ATTACHMENT_MAX_BYTES = 10_485_760;

  /** Accepted attachment types (comma-separated MIME types; type/* allows a family); others → 415. */
  @Transform(toList)
  @Matches(/^[a-z0-9.+-]+\/([a-z0-9.+-]+|\*)$/, { each: true, message: 'ATTACHMENT_TYPES must be comma-separated MIME types (type/subtype or type/*)' })
  ATTACHMENT_TYPES: string[] = ['image/*', 'application/pdf', 'text/plain', 'text/csv', 'application/zip', 'message/rfc822'];
}

/** Variables without a default: not own keys of a fresh Environment, so listed here. */
const OPTIONAL_VARIABLES = [
  'WORKER_CONCURRENCY',
  'WORKER_HEALTH_PORT',
  'METRICS_PORT',
  'LOG_FORMAT',
  'JWT_SECRET',
  'TRUST_PROXY',
  'EMBEDDING_MODEL',
  'EMBEDDING_DIMENSIONS',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'ESCALATION_WEBHOOK_URLS',
  'WEBHOOK_SIGNING_SECRET',
  'SMTP_URL',
  'ESCALATION_EMAIL_TO',
  'MAIL_IMAP_URL',
  'MAIL_IMAP_USER',
  'MAIL_IMAP_PASSWORD',
  'MAIL_SMTP_URL',
  'MAIL_FROM',
  'MAIL_SMTP_LISTEN_PORT',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];

/** Variables whose values an error message never repeats (it goes to logs). */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'OPENAI_API_KEY', 'WEBHOOK_SIGNING_SECRET', 'MAIL_IMAP_PASSWORD', 'S3_SECRET_ACCESS_KEY']);

export class EnvironmentError extends Error {}

/** Validates raw variables (process.env by default); throws one error naming every bad variable. */
export function loadEnvironment(raw: Record<string, string | undefined> = process.env): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const got = (name: string) => (SECRET_VARIABLES.has(name) && defined[name] !== undefined ? 'a hidden value' : JSON.stringify(defined[name]));
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (got ${got(error.property)})`);
    throw new EnvironmentError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return env;
}

/** The names of every variable the apps read: what .env.example and the deploy files must cover. */
export function environmentVariableNames(): string[] {
  return Object.keys(new Environment())
    .concat(OPTIONAL_VARIABLES)
    .filter((name, i, all) => all.indexOf(name) === i);
}
