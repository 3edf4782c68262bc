import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWinkEmbeddings } from './wink-embeddings.reader';
import { FIXTURE_WORDS, writeWinkFixture } from './wink-embeddings.fixture';

describe('readWinkEmbeddings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smartdesk-wink-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1 << 20, 64, 7, 1])('reads every word at its rank with its vector (read chunks of %i bytes)', async (chunkBytes) => {
    const table = await readWinkEmbeddings(writeWinkFixture(dir), chunkBytes);
    expect(table.dimension).toBe(3);
    expect(table.words).toEqual(FIXTURE_WORDS.map(([word]) => word));
    FIXTURE_WORDS.forEach(([, vector], rank) => {
      expect(Array.from(table.vectors.subarray(rank * 3, rank * 3 + 3))).toEqual(vector.map((value) => Math.fround(value)));
    });
  });

  it('rejects a file that ends before its last vector, saying how many it read', async () => {
    const path = writeWinkFixture(dir);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.indexOf('"card":[')));
    await expect(readWinkEmbeddings(path)).rejects.toThrow(/not a complete wink embeddings file \(\d of 6/);
  });

  it('rejects a file without the header', async () => {
    const path = join(dir, 'other.json');
    writeFileSync(path, JSON.stringify({ hello: 'world', padding: 'x'.repeat(500) }));
    await expect(readWinkEmbeddings(path)).rejects.toThrow(/wink embeddings header/);
  });

  it('rejects a vector of the wrong length', async () => {
    const path = writeWinkFixture(dir, [
      ['a', [1, 2, 3]],
      ['b', [1, 2]],
    ]);
    await expect(readWinkEmbeddings(path)).rejects.toThrow(/comma-separated numbers|values/);
  });
});
