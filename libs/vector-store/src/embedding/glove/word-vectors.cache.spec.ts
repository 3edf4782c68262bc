import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_WORDS, writeWinkFixture } from './wink-embeddings.fixture';
import { loadWordVectors } from './word-vectors.cache';

describe('loadWordVectors', () => {
  let dir: string;
  let source: string;
  let cacheDir: string;
  const cacheFile = (suffix: string) => join(cacheDir, `wink-fixture.v1${suffix}`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smartdesk-wordvec-'));
    source = writeWinkFixture(dir);
    cacheDir = join(dir, 'cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the cache on first use, then reads it instead of the source', async () => {
    const first = await loadWordVectors(cacheDir, source);
    expect(first.size).toBe(FIXTURE_WORDS.length);
    expect(readdirSync(cacheDir).sort()).toEqual(['wink-fixture.v1.f32', 'wink-fixture.v1.json', 'wink-fixture.v1.words.txt']);
    const builtAt = statSync(cacheFile('.f32')).mtimeMs;

    const second = await loadWordVectors(cacheDir, source);
    expect(statSync(cacheFile('.f32')).mtimeMs).toBe(builtAt);
    expect(Array.from(second.vectors)).toEqual(Array.from(first.vectors));
    expect(second.rowOf('refund')).toBe(4);
    expect(second.rowOf('say "hi"')).toBe(3);
    expect(second.rowOf('unknown')).toBeUndefined();
  });

  it('rebuilds when the source file changed', async () => {
    await loadWordVectors(cacheDir, source);
    writeWinkFixture(dir, [...FIXTURE_WORDS, ['delivery', [0.1, 0.2, 0.3]]]);
    const vectors = await loadWordVectors(cacheDir, source);
    expect(vectors.rowOf('delivery')).toBe(FIXTURE_WORDS.length);
  });

  it('rebuilds a damaged cache', async () => {
    await loadWordVectors(cacheDir, source);
    appendFileSync(cacheFile('.f32'), Buffer.alloc(4));
    writeFileSync(cacheFile('.words.txt'), 'the\ncard');
    const vectors = await loadWordVectors(cacheDir, source);
    expect(vectors.rowOf('parcel')).toBe(5);
    expect(statSync(cacheFile('.f32')).size).toBe(FIXTURE_WORDS.length * 3 * 4);
  });

  it('still loads when the cache folder cannot be written', async () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const vectors = await loadWordVectors(join(dir, 'not-a-folder'), source);
    expect(vectors.rowOf('card')).toBe(1);
    expect(existsSync(join(dir, 'not-a-folder', 'wink-fixture.v1.json'))).toBe(false);
  });
});
