import { FSWatcher, watch } from 'node:fs';
import { sep } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { isKbFile } from './kb-files';
import { KbIndexerService } from './kb-indexer.service';

/** Editors save in bursts (write, rename, chmod): one sync after the burst settles. */
const DEBOUNCE_MS = 300;

/**
 * Watches KB_DIR and syncs only the files that changed: their articles become new versions in
 * Postgres and are re-embedded. A change to a folder (renamed, removed) syncs all of kb/.
 * Syncs run one after another; changes that arrive during one are picked up by the next.
 */
@Injectable()
export class KbWatcherService implements OnApplicationShutdown {
  private readonly logger = new Logger(KbWatcherService.name);
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private readonly pending = new Set<string>();
  private syncAll = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Environment,
    private readonly indexer: KbIndexerService,
  ) {}

  start(): void {
    this.watcher = watch(this.env.KB_DIR, { recursive: true }, (_event, filename) => this.changed(filename));
    this.watcher.on('error', (error) => this.logger.error(`watching ${this.env.KB_DIR} failed: ${error.message}`));
    this.logger.log(`watching ${this.env.KB_DIR} for article changes`);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private changed(filename: string | null): void {
    const path = filename?.split(sep).join('/');
    if (path && isKbFile(path)) this.pending.add(path);
    // No name, or a folder (no extension): which files changed is unknown.
    else if (!path || !/\.[^/]+$/.test(path)) this.syncAll = true;
    else return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.running = this.running.then(() => this.syncPending())), DEBOUNCE_MS);
  }

  private async syncPending(): Promise<void> {
    const paths = this.syncAll ? undefined : [...this.pending];
    this.pending.clear();
    this.syncAll = false;
    if (paths?.length === 0) return;
    const started = performance.now();
    try {
      const report = await this.indexer.sync(paths);
      const { added, updated, removed, indexed, unindexed } = report;
      this.logger.log(
        `kb/ change synced in ${Math.round(performance.now() - started)} ms (${paths ? paths.join(', ') : 'all files'}): ${JSON.stringify({ added, updated, removed, indexed, unindexed, invalid: report.invalid.length })}`,
      );
    } catch (error) {
      this.logger.error(`kb/ sync failed (${paths ? paths.join(', ') : 'all files'}): ${(error as Error).message}`);
    }
  }
}
