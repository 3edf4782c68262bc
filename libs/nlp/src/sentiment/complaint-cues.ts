import type { ComplaintCueKind } from '@smartdesk/contracts';

/**
 * One language's complaint cues: regular-expression sources per kind, matched sentence by sentence on
 * lower-cased text (accent-folded when `foldAccents`, so "tercera vez" and "tércera vez" both match).
 * Spaced languages get word boundaries around every pattern; Chinese and Japanese do not.
 */
export interface ComplaintCueSet {
  spaced: boolean;
  foldAccents: boolean;
  cues: Partial<Record<ComplaintCueKind, string[]>>;
}

export interface CueMatch {
  kind: ComplaintCueKind;
  text: string;
  /** Signed, already decayed for repeats of the same kind. */
  weight: number;
  /** Index of the sentence it was found in. */
  sentence: number;
}

/**
 * How strongly each kind signals an unhappy customer. Threats to leave or go legal are the clearest;
 * a demand or an indignant question alone is weaker ("I need a refund" can be calm).
 */
const KIND_WEIGHT: Record<ComplaintCueKind, number> = {
  'repeat-contact': -2,
  waiting: -2,
  unanswered: -2,
  'broken-promise': -2,
  'churn-threat': -3,
  'legal-threat': -3,
  demand: -1.5,
  // A demand with a deadline or an "or else": "fix it now", "refund me by Friday or I dispute it".
  ultimatum: -2,
  exasperation: -1.5,
  // "Why was I charged twice?": a complaint put as a question, often calm.
  question: -1.5,
  sarcasm: -2,
  // "You lost my parcel", "the app won't let me log in", "no confirmation": a failure, told without heat.
  'service-failure': -1,
};
/** The second hit of a kind counts half, the third a quarter; one long rant should not outweigh everything. */
const REPEAT_DECAY = 0.5;
const MAX_HITS_PER_KIND = 3;
/** In any language, "?!", "!?" and "??" are indignation. */
const EXASPERATED_PUNCTUATION = '[?？]+[!！]+[?？!！]*|[!！]+[?？]+[?？!！]*|[?？]{2,}';

export class ComplaintCueMatcher {
  private readonly patterns: { kind: ComplaintCueKind; pattern: RegExp }[];

  constructor(private readonly set: ComplaintCueSet) {
    this.patterns = (Object.entries(set.cues) as [ComplaintCueKind, string[]][])
      .filter(([, sources]) => sources.length > 0)
      .map(([kind, sources]) => {
        const pattern = alternation(sources, set.spaced);
        return { kind, pattern: kind === 'exasperation' ? new RegExp(`${pattern.source}|${EXASPERATED_PUNCTUATION}`, 'gu') : pattern };
      });
  }

  /** The text as the patterns expect it. */
  private prepare(sentence: string): string {
    const lower = sentence.toLowerCase();
    return this.set.foldAccents
      ? lower
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .normalize('NFC')
      : lower;
  }

  match(sentences: string[]): CueMatch[] {
    const prepared = sentences.map((sentence) => this.prepare(sentence));
    const matches: CueMatch[] = [];
    for (const { kind, pattern } of this.patterns) {
      let hits = 0;
      prepared.forEach((sentence, index) => {
        for (const found of sentence.matchAll(pattern)) {
          if (hits >= MAX_HITS_PER_KIND) return;
          matches.push({ kind, text: found[0].trim(), weight: KIND_WEIGHT[kind] * REPEAT_DECAY ** hits, sentence: index });
          hits++;
        }
      });
    }
    return matches;
  }
}

/** One global regex for several patterns; in spaced languages each must start and end at a word boundary. */
export function alternation(sources: string[], spaced: boolean): RegExp {
  const joined = sources.map((source) => `(?:${source})`).join('|');
  return new RegExp(spaced ? `(?<![\\p{L}\\p{N}])(?:${joined})(?![\\p{L}\\p{N}])` : joined, 'gu');
}
