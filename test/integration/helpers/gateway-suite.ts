import { ApiClient } from '../../support/api-client';
import { AppName, AppProcess } from '../../support/app-process';
import { seedDemoAccounts, signInAll } from '../../support/demo-accounts';
import { freePort } from '../../support/free-port';
import { createTestEnvironment, TestEnvironment } from '../../support/test-environment';
import { Db } from './database';

/** One suite's real gateway (and the workers it asks for) on its own database, seeded with the demo accounts, all signed in. */
export interface GatewaySuite {
  env: TestEnvironment;
  db: Db;
  /** Anonymous, as the web form calls. */
  api: ApiClient;
  /** Signed-in clients by demo email. */
  as: Record<string, ApiClient>;
  password: string;
  seedOutput: string;
  /** The gateway process (its output, e.g. to check what it logged). */
  gateway: AppProcess;
  /** The worker processes asked for, in order. */
  workers: AppProcess[];
  stop(): Promise<void>;
}

/** `vars` are added to the environment of every app, e.g. a suite's own KB_DIR. */
export async function startGatewaySuite(name: string, options: { workers?: AppName[]; vars?: Record<string, string> } = {}): Promise<GatewaySuite> {
  const env = await createTestEnvironment(name);
  Object.assign(env.vars, options.vars);
  const db = await Db.connect(env.databaseUrl);
  let gateway: AppProcess | undefined;
  const workers: AppProcess[] = [];
  const stop = async () => {
    await Promise.all([gateway, ...workers].map((app) => app?.stop()));
    await db.end();
    await env.cleanup();
  };
  try {
    const port = await freePort();
    gateway = await AppProcess.start('gateway', { ...env.vars, PORT: String(port) });
    for (const worker of options.workers ?? []) workers.push(await AppProcess.start(worker, env.vars));
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password, output } = await seedDemoAccounts(env.vars);
    return { env, db, api, as: await signInAll(api, password), password, seedOutput: output, gateway, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
