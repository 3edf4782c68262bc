/**
 * @jest-environment ./test/support/host-typed-arrays.environment.js
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddingProvider } from './embedding-provider.factory';
import { loadEnvironment } from '@smartdesk/config';
import type { EmbeddingProvider } from './embedding-provider';
import { TINY_DIMENSION, TINY_VOCABULARY, writeTinyTransformersModel } from './tiny-transformers-model.fixture';

describe('TransformersEmbeddingProvider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smartdesk-models-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const create = (model?: string) => createEmbeddingProvider(loadEnvironment({ EMBEDDING_PROVIDER: 'transformers', EMBEDDING_MODEL_DIR: dir, EMBEDDING_MODEL: model }));

  it('refuses to start without the model on disk, naming the folder, the missing files and the way out', async () => {
    const error = await create().catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`'Xenova/all-MiniLM-L6-v2' is not in ${join(dir, 'Xenova/all-MiniLM-L6-v2')}`);
    expect(message).toContain('missing config.json, tokenizer.json, onnx/model.onnx');
    expect(message).toMatch(/EMBEDDING_MODEL_DIR.*EMBEDDING_PROVIDER=glove/);
  });

  it('names only the files that are missing', async () => {
    mkdirSync(join(dir, 'acme/mini'), { recursive: true });
    writeFileSync(join(dir, 'acme/mini/config.json'), '{}');
    await expect(create('acme/mini')).rejects.toThrow(/missing tokenizer\.json, onnx\/model\.onnx/);
  });

  describe('with a model on disk', () => {
    let provider: EmbeddingProvider;
    const unit = (vector: number[]) => vector.map((value) => value / Math.hypot(...vector));

    beforeAll(async () => {
      writeTinyTransformersModel(dir, 'acme/tiny');
      provider = await create('acme/tiny');
    }, 60_000);

    it('names its collection after the model and reads the dimension from the model output', () => {
      expect(provider.id).toBe('transformers-acme-tiny');
      expect(provider.dimension).toBe(TINY_DIMENSION);
    });

    it('mean-pools the token vectors over the real tokens only and L2-normalises', async () => {
      const [card, cardDelivery, mixed] = await provider.embed(['card', 'Card delivery', 'card card password unknownword']);
      expect(card).toEqual([1, 0, 0, 0].map((value) => expect.closeTo(value, 6)));
      const mean = [0, 1, 2, 3].map((d) => (TINY_VOCABULARY.card[d] + TINY_VOCABULARY.delivery[d]) / 2);
      expect(cardDelivery).toEqual(unit(mean).map((value) => expect.closeTo(value, 6)));
      const mixedMean = [0, 1, 2, 3].map((d) => (2 * TINY_VOCABULARY.card[d] + TINY_VOCABULARY.password[d] + TINY_VOCABULARY['[UNK]'][d]) / 4);
      expect(mixed).toEqual(unit(mixedMean).map((value) => expect.closeTo(value, 6)));
    });

    it('embeds nothing for an empty batch', async () => {
      expect(await provider.embed([])).toEqual([]);
    });
  });
});
