import { AppName, AppProcess } from '../../support/app-process';

/** Generous: the rag-worker loads its embedding model at boot, slow on a busy two-core machine. */
const READY_TIMEOUT_MS = 120_000;

/**
 * Starts the apps together; if one does not become ready, stops the others before failing, so a failed
 * start leaves no process behind (startAll would lose the ones that did start).
 */
export async function startApps(names: AppName[], vars: Record<string, string>): Promise<AppProcess[]> {
  const started = await Promise.allSettled(names.map((name) => AppProcess.start(name, vars, READY_TIMEOUT_MS)));
  const apps = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(apps.map((app) => app.stop()));
    throw failed.reason;
  }
  return apps;
}
