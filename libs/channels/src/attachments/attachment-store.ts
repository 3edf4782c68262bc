import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where attachment bytes live, apart from the database rows that describe them: a local directory
 * (LocalAttachmentStore) or an S3-compatible bucket (S3AttachmentStore), chosen by ATTACHMENTS_STORE.
 */
export abstract class AttachmentStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract read(key: string): Promise<Buffer>;
  abstract remove(key: string): Promise<void>;
  /** Rejects, saying why, when the store cannot take files now (reported by the gateway's /health). */
  abstract check(): Promise<void>;
}

/** Files under ATTACHMENTS_DIR, one per key (`<ticket id>/<attachment id>`); every app must see the same directory. */
export class LocalAttachmentStore extends AttachmentStore {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name first: a crash never leaves half a file under the real key.
    await writeFile(`${path}.partial`, bytes);
    await rename(`${path}.partial`, path);
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  remove(key: string): Promise<void> {
    return rm(this.pathOf(key), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.W_OK);
  }

  /** Keys are ours (uuids), but a key must never name a file outside the root all the same. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`attachment key ${key} leaves the store`);
    return path;
  }
}
