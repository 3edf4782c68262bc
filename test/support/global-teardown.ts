import { stopChromaServer } from '../../libs/vector-store/src/chroma-server';

export default async function globalTeardown(): Promise<void> {
  const chroma = (globalThis as { smartdeskChroma?: { pid: number; dataDir: string } }).smartdeskChroma;
  if (chroma) stopChromaServer(chroma);
}
