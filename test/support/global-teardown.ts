import { ChromaServer, stopChromaServer } from '../../scripts/support/chroma-server';

export default async function globalTeardown(): Promise<void> {
  const chroma = (globalThis as { smartdeskChroma?: ChromaServer }).smartdeskChroma;
  if (chroma) stopChromaServer(chroma);
}
