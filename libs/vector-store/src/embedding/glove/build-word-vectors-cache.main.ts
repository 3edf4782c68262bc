import { loadEnvironment } from '@smartdesk/config';
import { loadWordVectors } from './word-vectors.cache';

/** `npm run embeddings:cache`: builds the glove provider's word-vector cache ahead of time (the Docker build runs it). */
async function main(): Promise<void> {
  const dir = loadEnvironment().EMBEDDING_CACHE_DIR;
  const started = performance.now();
  const vectors = await loadWordVectors(dir);
  console.log(`word-vector cache ready in ${dir}: ${vectors.size} words × ${vectors.dimension} (${Math.round(performance.now() - started)} ms)`);
}

main().catch((error) => {
  console.error(`embeddings:cache: ${(error as Error).message}`);
  process.exit(1);
});
