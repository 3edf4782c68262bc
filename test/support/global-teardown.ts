import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const chroma = (globalThis as { smartdeskChroma?: { pid: number; dataDir: string } }).smartdeskChroma;
  if (!chroma) return;
  try {
    process.kill(chroma.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(chroma.dataDir, { recursive: true, force: true });
}
