import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMA_STATE_FILE } from './services';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(CHROMA_STATE_FILE)) return;
  const { pid, dataDir } = JSON.parse(readFileSync(CHROMA_STATE_FILE, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(CHROMA_STATE_FILE, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
