import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a tiny but real transformers.js model folder: a word-level tokenizer and an ONNX graph
 * whose only node looks each token up in an embedding table (last_hidden_state = Gather(table, input_ids)).
 * Enough to run the transformers provider end to end offline, with outputs a test can predict.
 */
export const TINY_VOCABULARY: Record<string, number[]> = {
  '[UNK]': [0, 0, 0, 0.1],
  // Not zero: a pooling that counted padding would show.
  '[PAD]': [0, 0, 0, 1],
  card: [1, 0, 0, 0],
  delivery: [0.8, 0.6, 0, 0],
  parcel: [0, 1, 0, 0],
  password: [0, 0, 1, 0],
  reset: [0, 0.2, 0.9, 0],
};
export const TINY_DIMENSION = 4;

export function writeTinyTransformersModel(modelDir: string, name: string): void {
  const dir = join(modelDir, name);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const words = Object.keys(TINY_VOCABULARY);
  const vocab = Object.fromEntries(words.map((word, id) => [word, id]));
  const special = (content: string) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [special('[UNK]'), special('[PAD]')],
      normalizer: { type: 'Lowercase' },
      pre_tokenizer: { type: 'Whitespace' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
    }),
  );
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 64, pad_token: '[PAD]', unk_token: '[UNK]', tokenizer_class: 'PreTrainedTokenizer' }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: TINY_DIMENSION, vocab_size: words.length }));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnxModel(words.map((word) => TINY_VOCABULARY[word])));
}

// Protocol-buffer encoding of the few ONNX messages needed (field numbers from onnx.proto).
const varint = (value: number): number[] => {
  const bytes: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 128;
    bytes.push(byte);
  } while (value > 0);
  return bytes;
};
const key = (field: number, wire: number) => varint(field * 8 + wire);
const intField = (field: number, value: number) => Buffer.from([...key(field, 0), ...varint(value)]);
const bytesField = (field: number, content: Buffer | string) => {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return Buffer.concat([Buffer.from([...key(field, 2), ...varint(body.length)]), body]);
};
const message = (field: number, ...parts: Buffer[]) => bytesField(field, Buffer.concat(parts));

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto: a tensor with named (symbolic) or fixed dimensions. */
function valueInfo(field: number, name: string, elementType: number, dims: (string | number)[]): Buffer {
  const shape = dims.map((dim) => message(1, typeof dim === 'string' ? bytesField(2, dim) : intField(1, dim)));
  return message(field, bytesField(1, name), message(2, message(1, intField(1, elementType), message(2, ...shape))));
}

function onnxModel(table: number[][]): Buffer {
  const raw = Buffer.alloc(table.length * TINY_DIMENSION * 4);
  table.flat().forEach((value, i) => raw.writeFloatLE(value, i * 4));
  const initializer = message(5, intField(1, table.length), intField(1, TINY_DIMENSION), intField(2, FLOAT), bytesField(8, 'embeddings'), bytesField(9, raw));
  const node = message(1, bytesField(1, 'embeddings'), bytesField(1, 'input_ids'), bytesField(2, 'last_hidden_state'), bytesField(3, 'lookup'), bytesField(4, 'Gather'));
  const graph = Buffer.concat([
    node,
    bytesField(2, 'tiny'),
    initializer,
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch', 'sequence', TINY_DIMENSION]),
  ]);
  return Buffer.concat([intField(1, 8), bytesField(2, 'smartdesk-test'), message(7, graph), message(8, bytesField(1, ''), intField(2, 13))]);
}
