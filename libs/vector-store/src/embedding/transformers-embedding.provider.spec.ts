import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddingProvider } from './embedding-provider.factory';
import { loadEnvironment } from '@smartdesk/config';

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
});
