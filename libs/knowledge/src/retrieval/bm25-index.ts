import { lexicalTerms } from './lexical-terms';

export type FieldValue = string | number | boolean;

export interface LexicalDocument {
  id: string;
  text: string;
  /** Values a search can filter on (e.g. category, language). */
  fields: Record<string, FieldValue>;
}

export interface LexicalHit {
  id: string;
  score: number;
  fields: Record<string, FieldValue>;
}

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * An immutable BM25 index over lexicalTerms. Postings are typed arrays (document number and term
 * frequency), so 10,000 kb chunks cost a few tens of MB. Rebuilt, not updated, when its source changes.
 */
export class Bm25Index {
  private readonly positions: Map<string, number>;

  private constructor(
    private readonly ids: string[],
    private readonly fields: Record<string, FieldValue>[],
    private readonly termIds: Map<string, number>,
    private readonly postingDocs: Int32Array[],
    private readonly postingCounts: Uint16Array[],
    private readonly idf: Float64Array,
    private readonly lengthNorm: Float64Array,
    private readonly scores: Float64Array,
  ) {
    this.positions = new Map(ids.map((id, doc) => [id, doc]));
  }

  static build(documents: Iterable<LexicalDocument>): Bm25Index {
    const ids: string[] = [];
    const fields: Record<string, FieldValue>[] = [];
    const lengths: number[] = [];
    const termIds = new Map<string, number>();
    const docs: number[][] = [];
    const counts: number[][] = [];
    for (const document of documents) {
      const docNumber = ids.push(document.id) - 1;
      fields.push(document.fields);
      const terms = lexicalTerms(document.text);
      lengths.push(terms.length);
      const frequencies = new Map<number, number>();
      for (const term of terms) {
        let termId = termIds.get(term);
        if (termId === undefined) {
          termId = docs.push([]) - 1;
          counts.push([]);
          termIds.set(term, termId);
        }
        frequencies.set(termId, (frequencies.get(termId) ?? 0) + 1);
      }
      for (const [termId, count] of frequencies) {
        docs[termId].push(docNumber);
        counts[termId].push(Math.min(count, 0xffff));
      }
    }
    const averageLength = lengths.reduce((sum, length) => sum + length, 0) / (lengths.length || 1) || 1;
    return new Bm25Index(
      ids,
      fields,
      termIds,
      docs.map((list) => Int32Array.from(list)),
      counts.map((list) => Uint16Array.from(list)),
      Float64Array.from(docs, (list) => Math.log(1 + (ids.length - list.length + 0.5) / (list.length + 0.5))),
      Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / averageLength)),
      new Float64Array(ids.length),
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** A document's fields, or undefined when the index does not hold it. */
  fieldsOf(id: string): Record<string, FieldValue> | undefined {
    const doc = this.positions.get(id);
    return doc === undefined ? undefined : this.fields[doc];
  }

  /** The `limit` best documents for `text` whose fields equal every value in `filter`, best first. */
  search(text: string, limit: number, filter: Record<string, FieldValue> = {}): LexicalHit[] {
    const touched: number[] = [];
    for (const term of new Set(lexicalTerms(text))) {
      const termId = this.termIds.get(term);
      if (termId === undefined) continue;
      const docs = this.postingDocs[termId];
      const counts = this.postingCounts[termId];
      const idf = this.idf[termId];
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        if (this.scores[doc] === 0) touched.push(doc);
        this.scores[doc] += (idf * counts[i] * (K1 + 1)) / (counts[i] + this.lengthNorm[doc]);
      }
    }
    const conditions = Object.entries(filter);
    const best: LexicalHit[] = [];
    for (const doc of touched) {
      const score = this.scores[doc];
      this.scores[doc] = 0;
      if (best.length === limit && score <= best[limit - 1].score) continue;
      if (!conditions.every(([field, value]) => this.fields[doc][field] === value)) continue;
      insertRanked(best, { id: this.ids[doc], score, fields: this.fields[doc] }, limit);
    }
    return best;
  }
}

/** Inserts a hit into a list kept sorted by score, at most `limit` long. */
function insertRanked(list: LexicalHit[], hit: LexicalHit, limit: number): void {
  let position = list.length;
  while (position > 0 && list[position - 1].score < hit.score) position--;
  if (position >= limit) return;
  list.splice(position, 0, hit);
  if (list.length > limit) list.pop();
}
