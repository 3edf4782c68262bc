import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { environmentVariableNames, loadEnvironment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';

/** The deployment files must stay in step with the variables the apps validate and the apps that exist. */
const root = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const KNOWN = new Set(environmentVariableNames());
const WORKERS = ['categorization-worker', 'sentiment-worker', 'rag-worker', 'escalation-worker', 'mail-worker'];
const APPS = ['gateway', ...WORKERS];
const appExists = (app: string) => existsSync(join(root, 'apps', app, 'src', 'main.ts'));
/** Images carry the release version, never a moving tag. */
const IMAGE = `smartdesk:${JSON.parse(read('package.json')).version}`;

type Env = Record<string, string>;
type Service = Record<string, any>;

/** Resolves compose interpolation (`${X:-default}`, `${X-default}`, `${X}`) to its default, as on a machine with nothing set. */
function interpolate(value: string): string {
  return value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_match, fallback?: string) => fallback ?? '').replace(/\$\$/g, '$');
}

/** A compose `environment:` block (map or `KEY=value` list) as strings. */
function composeEnv(service: Service): Env {
  const raw = service.environment ?? {};
  const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((line: string) => [line.split('=')[0], line.includes('=') ? line.slice(line.indexOf('=') + 1) : undefined]) : Object.entries(raw);
  return Object.fromEntries(entries.map(([name, value]) => [name, value == null ? '' : interpolate(String(value))]));
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true });
  const services: Record<string, Service> = compose.services;
  const appServices = [...APPS, 'migrate'];

  it('defines the infrastructure, the migration and every app', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'chroma', ...appServices]));
  });

  it.each(APPS)('%s runs an existing app named like the service', (name) => {
    const app = composeEnv(services[name]).APP;
    expect(app).toBe(name);
    expect(appExists(app)).toBe(true);
  });

  it.each(WORKERS)('%s can be scaled and drains on stop', (name) => {
    expect(services[name].container_name).toBeUndefined();
    expect(services[name].ports).toBeUndefined();
    expect(services[name].stop_grace_period).toBe('30s');
  });

  it.each(appServices)('%s sets only known variables, with values the apps accept', (name) => {
    const env = composeEnv(services[name]);
    expect(Object.keys(env).filter((key) => key !== 'APP' && !KNOWN.has(key))).toEqual([]);
    expect(() => loadEnvironment(env)).not.toThrow();
    expect(services[name].image).toBe(IMAGE);
  });

  it.each(APPS)('%s starts after migrations and healthy dependencies', (name) => {
    const dependsOn = services[name].depends_on;
    expect(dependsOn.migrate.condition).toBe('service_completed_successfully');
    expect(dependsOn.postgres.condition).toBe('service_healthy');
    expect(dependsOn.redis.condition).toBe('service_healthy');
    expect(dependsOn.chroma).toBeDefined();
  });

  it('runs the migration once', () => {
    expect(services.migrate.command).toEqual(['node', 'dist/libs/database/src/migrate.main.js']);
    expect(services.migrate.restart).toBe('no');
  });

  it('configures Redis for BullMQ: no eviction, persistent', () => {
    const command = [services.redis.command].flat().join(' ');
    expect(command).toMatch(/--maxmemory-policy\s+noeviction/);
    expect(command).toMatch(/--appendonly\s+yes/);
  });

  it('health-checks the gateway on its readiness endpoint', () => {
    expect([services.gateway.healthcheck.test].flat().join(' ')).toContain('/health/ready');
  });

  it.each(WORKERS)('%s is health-checked on its own listener', (name) => {
    const port = composeEnv(services[name]).WORKER_HEALTH_PORT;
    expect(port).toMatch(/^\d+$/);
    expect([services[name].healthcheck.test].flat().join(' ')).toContain(`127.0.0.1:${port}/health/ready`);
  });
});

describe('.env.example', () => {
  const lines = read('.env.example').split('\n');
  const assignment = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/;
  const entries = lines.map((line) => assignment.exec(line.trim())).filter((match): match is RegExpExecArray => match !== null);

  it('lists every variable the apps read, and nothing else', () => {
    const names = entries.map((match) => match[2]);
    expect([...names].sort()).toEqual([...KNOWN].sort());
  });

  it('holds values the apps accept', () => {
    const active: Env = Object.fromEntries(entries.filter((match) => !match[1]).map((match) => [match[2], match[3]]));
    expect(() => loadEnvironment(active)).not.toThrow();
  });

  it('explains each variable in a comment line above it', () => {
    lines.forEach((line, i) => {
      if (assignment.test(line.trim())) expect(lines[i - 1]).toMatch(/^#\s*\S/);
    });
  });
});

describe('deploy/k8s', () => {
  const dir = join(root, 'deploy', 'k8s');
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  const docs = files.flatMap((file) => parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => ({ file, doc, value: doc.toJS() as Record<string, any> | null })));
  const resources = docs.map((entry) => entry.value).filter((value): value is Record<string, any> => value != null);
  const find = (kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata?.name === name);
  const podSpec = (name: string) => find('Deployment', name)?.spec.template.spec;

  it('parses every document', () => {
    for (const { file, doc } of docs) expect({ file, errors: doc.errors.map(String) }).toEqual({ file, errors: [] });
  });

  it('kustomization lists every manifest but the secret template', () => {
    const listed: string[] = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')).resources;
    const expected = files.filter((file) => file !== 'kustomization.yaml' && !file.includes('.example.'));
    expect([...listed].sort()).toEqual(expected);
    expect(files).toContain('secret.example.yaml');
  });

  it.each(WORKERS)('%s Deployment runs an existing app and drains for 30 s', (name) => {
    const spec = podSpec(name);
    expect(spec).toBeDefined();
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
    const [container] = spec.containers;
    const app = container.env.find((e: { name: string }) => e.name === 'APP')?.value;
    expect(app).toBe(name);
    expect(appExists(app)).toBe(true);
    expect(container.envFrom).toEqual(expect.arrayContaining([{ configMapRef: { name: 'smartdesk-config' } }, { secretRef: { name: 'smartdesk-secrets' } }]));
    expect(container.resources.limits.memory).toBeDefined();
  });

  it('autoscales every worker on the depth of its queues (KEDA), not on CPU', () => {
    const scaled = resources.filter((r) => r.kind === 'ScaledObject');
    expect(scaled.map((r) => r.spec.scaleTargetRef.name).sort()).toEqual([...WORKERS].sort());
    for (const object of scaled) {
      const [trigger] = object.spec.triggers;
      expect({ worker: object.metadata.name, type: trigger.type }).toEqual({ worker: object.metadata.name, type: 'prometheus' });
      expect(trigger.metadata.query).toContain('smartdesk_queue_jobs');
      expect(object.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    }
    // Every queue scales some worker.
    const queries = scaled.map((r) => r.spec.triggers[0].metadata.query).join('\n');
    for (const queue of Object.values(QueueName)) expect({ queue, scaled: queries.includes(queue) }).toEqual({ queue, scaled: true });
    expect(resources.filter((r) => r.kind === 'HorizontalPodAutoscaler')).toEqual([]);
  });

  it('Prometheus scrapes every pod on the METRICS_PORT the ConfigMap sets', () => {
    const config: Env = find('ConfigMap', 'smartdesk-config')?.data;
    const monitor = find('PodMonitor', 'smartdesk');
    expect(monitor?.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/part-of': 'smartdesk' });
    expect(monitor?.spec.podMetricsEndpoints[0]).toMatchObject({ portNumber: Number(config.METRICS_PORT), path: '/metrics' });
    expect(config.METRICS_HOST).toBe('0.0.0.0');
  });

  it('the ConfigMap and the Secret template hold known variables the apps accept', () => {
    const config: Env = find('ConfigMap', 'smartdesk-config')?.data;
    const secret: Env = find('Secret', 'smartdesk-secrets')?.stringData;
    expect(Object.keys({ ...config, ...secret }).filter((key) => !KNOWN.has(key))).toEqual([]);
    expect(() => loadEnvironment({ ...config, ...secret })).not.toThrow();
  });

  it('probes the gateway on /health/live and /health/ready, not the detailed /health', () => {
    const spec = podSpec('gateway');
    const [container] = spec.containers;
    expect(container.env).toContainEqual({ name: 'APP', value: 'gateway' });
    expect(container.startupProbe.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(find('Service', 'gateway')).toBeDefined();
  });

  it.each(WORKERS)('%s is probed on its health listener, the port it is told to open', (name) => {
    const [container] = podSpec(name).containers;
    const port = Number(container.env.find((e: { name: string }) => e.name === 'WORKER_HEALTH_PORT')?.value);
    expect(container.ports).toContainEqual({ name: 'health', containerPort: port });
    expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'health' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'health' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'health' });
  });

  it.each(APPS)('%s has a PodDisruptionBudget that selects its pods', (name) => {
    const budget = find('PodDisruptionBudget', name);
    expect(budget?.spec.selector.matchLabels).toEqual(find('Deployment', name)?.spec.selector.matchLabels);
    expect(budget?.spec.minAvailable ?? budget?.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
  });

  it('tags every image with the release version, never latest', () => {
    const images = resources.flatMap((r) => (r.spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image));
    expect(images.length).toBeGreaterThan(APPS.length);
    expect(images.filter((image) => image !== IMAGE)).toEqual([]);
    const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
    expect(kustomization.images).toContainEqual({ name: 'smartdesk', newTag: IMAGE.split(':')[1] });
  });

  it('the migration Job runs the migration entrypoint', () => {
    const job = resources.find((r) => r.kind === 'Job');
    expect(job?.spec.template.spec.containers[0].command).toEqual(['node', 'dist/libs/database/src/migrate.main.js']);
  });
});

describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const isFrom = (line: string) => /^FROM\s/i.test(line);
  const froms = lines.filter(isFrom);
  const finalStage = lines.slice(lines.map(isFrom).lastIndexOf(true));

  it('builds on a glibc Node 20 image', () => {
    expect(froms.length).toBeGreaterThan(1);
    for (const from of froms) {
      expect(from).toMatch(/^FROM\s+node:20[\w.-]*/i);
      expect(from).not.toMatch(/alpine/i);
    }
  });

  it('runs as a non-root user', () => {
    const users = finalStage.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^USER\s+(root|0)(:|$)/i);
  });

  it('execs the app chosen by APP, in production mode', () => {
    const cmd = finalStage.filter((line) => /^CMD\s/i.test(line)).pop();
    expect(cmd).toContain('exec node dist/apps/$APP/src/main.js');
    expect(finalStage.join('\n')).toMatch(/NODE_ENV=production/);
    expect(finalStage.join('\n')).toMatch(/APP=gateway/);
  });

  it('leaves health checks to compose and Kubernetes', () => {
    expect(lines.some((line) => /^HEALTHCHECK\s/i.test(line))).toBe(false);
  });

  // No Docker engine here: the install step is checked the way the image runs it, `npm ci` on the committed files,
  // dry and offline (the tree is resolved from the lockfile alone). A lockfile out of step with package.json fails it.
  it('installs with npm ci from the committed package.json, lockfile and .npmrc', () => {
    const copies = lines.filter((line) => /^COPY\s+package\.json\s+package-lock\.json/i.test(line));
    expect(copies.length).toBeGreaterThan(0);
    expect(lines.filter((line) => /^RUN\s+npm\s/i.test(line)).every((line) => /^RUN\s+npm\s+(ci|run|cache)\b/i.test(line))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'npm-ci-'));
    try {
      for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(root, file), join(dir, file));
      const run = spawnSync('npm', ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect({
        status: run.status,
        errors: run.stderr
          .split('\n')
          .filter((line) => line.startsWith('npm error'))
          .slice(0, 5),
      }).toEqual({ status: 0, errors: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 70_000);
});
