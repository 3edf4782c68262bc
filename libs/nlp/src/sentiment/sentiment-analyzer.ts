import de from './lexicons/de.json';
import emoji from './lexicons/emoji.json';
import en from './lexicons/en.json';
import es from './lexicons/es.json';
import fr from './lexicons/fr.json';
import ja from './lexicons/ja.json';
import modifiers from './lexicons/modifiers.json';
import pt from './lexicons/pt.json';
import zh from './lexicons/zh.json';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** Compound polarity in [-1, 1]. */
  score: number;
  /** In [0, 1]. */
  confidence: number;
  source: 'rules';
  /** Words, emoji and rules that drove the score, strongest first, at most 8. */
  cues: string[];
}

interface ModifierSpec {
  negations: string[];
  intensifiers: Record<string, number>;
  contrast: string[];
  frustration: string[];
  /** Japanese negates after the word ("満足していません"). */
  negationFollows?: boolean;
}

interface LanguageModel {
  /** Single words and space-joined phrases; score 0 entries exist only to shadow misleading sub-words. */
  words: Map<string, number>;
  phraseStarts: Set<string>;
  maxPhraseTokens: number;
  negations: Set<string>;
  negationFollows: boolean;
  intensifiers: Map<string, number>;
  contrast: Set<string>;
  frustration: string[];
  /** Scripts without spaces: first character → known terms, longest first. */
  segments?: Map<string, string[]>;
}

interface Token {
  text: string;
  caps: boolean;
  /** Punctuation-delimited clause index: negation does not reach across "nobody answers. Unacceptable!". */
  clause: number;
}

interface Cue {
  text: string;
  weight: number;
  /** Amplifying rules (CAPS, !!!) are not evidence on their own. */
  rule?: true;
}

const LEXICONS: Record<string, Record<string, number>> = { en, es, fr, de, pt, zh, ja };
const MODIFIERS: Record<string, ModifierSpec> = modifiers;
const UNSPACED = new Set(['zh', 'ja']);

const NEGATION_SCALAR = -0.74;
const NEGATION_WINDOW = 3;
const UNSPACED_NEGATION_WINDOW = 4; // CJK tokens are often single characters, shorter than words
const CAPS_BOOST = 1.5;
const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 3;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const FRUSTRATION_PENALTY = 2;
const ALPHA = 15; // VADER normalisation: sum / sqrt(sum² + α)
const NEGATIVE_AT = -0.2; // deliberately closer to 0 than POSITIVE_AT: missing an angry customer costs more
const POSITIVE_AT = 0.35;
const WEAK_CUE = 2;
const MAX_CUES = 8;

// Words (letters/digits, inner apostrophes), pictographic emoji, exclamation marks, other clause punctuation.
const TOKEN_RE = /([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic})|([!！])|[.,;:?¿¡…。，、；：？]/gu;
// French-style elision ("n'est", "l'attente"): split so the negator and the word are looked up separately.
const ELISION_RE = /^(\p{L}{1,2}')(.+)$/u;

export class SentimentAnalyzer {
  private readonly models = new Map<string, LanguageModel>();
  private readonly emoji = new Map<string, number>(Object.entries(emoji));

  constructor() {
    for (const [language, lexicon] of Object.entries(LEXICONS)) {
      this.models.set(language, this.buildModel(lexicon, MODIFIERS[language], UNSPACED.has(language)));
    }
  }

  /** `language` is ISO 639-1 (region suffixes ignored); unknown languages use the English lexicon. */
  analyze(text: string, language: string): SentimentResult {
    const model = this.models.get(language.toLowerCase().split(/[-_]/)[0]) ?? this.models.get('en')!;
    const normalized = text.normalize('NFC').replace(/[’‘`]/g, "'");
    const cues: Cue[] = [];
    const { tokens, exclamations, emojiSum } = this.scan(normalized, model, cues);
    let sum = emojiSum + this.scoreTokens(tokens, model, cues) + this.scoreFrustration(normalized.toLowerCase(), model, cues);

    const bangs = Math.min(exclamations, MAX_EXCLAMATIONS);
    if (bangs > 0 && sum !== 0) {
      sum += Math.sign(sum) * EXCLAMATION_BOOST * bangs;
      cues.push({ text: '!'.repeat(bangs), weight: EXCLAMATION_BOOST * bangs, rule: true });
    }

    const score = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
    const label: SentimentLabel = score <= NEGATIVE_AT ? 'negative' : score >= POSITIVE_AT ? 'positive' : 'neutral';
    cues.sort((a, b) => b.weight - a.weight);
    return {
      label,
      score: round(score),
      confidence: round(this.confidence(label, score, cues)),
      source: 'rules',
      cues: [...new Set(cues.map((cue) => cue.text))].slice(0, MAX_CUES),
    };
  }

  private buildModel(lexicon: Record<string, number>, spec: ModifierSpec, unspaced: boolean): LanguageModel {
    const words = new Map(Object.entries(lexicon));
    const phrases = [...words.keys()].filter((term) => term.includes(' ')).map((phrase) => phrase.split(' '));
    const modifierTerms = [...spec.negations, ...Object.keys(spec.intensifiers), ...spec.contrast];
    return {
      words,
      phraseStarts: new Set(phrases.map((parts) => parts[0])),
      maxPhraseTokens: Math.max(1, ...phrases.map((parts) => parts.length)),
      negations: new Set(spec.negations),
      negationFollows: spec.negationFollows ?? false,
      intensifiers: new Map(Object.entries(spec.intensifiers)),
      contrast: new Set(spec.contrast),
      frustration: spec.frustration,
      segments: unspaced ? this.indexByFirstChar([...words.keys(), ...modifierTerms]) : undefined,
    };
  }

  private indexByFirstChar(terms: string[]): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const term of [...terms].sort((a, b) => b.length - a.length)) {
      index.set(term[0], [...(index.get(term[0]) ?? []), term]);
    }
    return index;
  }

  /** One pass over the text: word tokens, emoji scores and the exclamation count. */
  private scan(text: string, model: LanguageModel, cues: Cue[]) {
    const tokens: Token[] = [];
    let exclamations = 0;
    let emojiSum = 0;
    let clause = 0;
    TOKEN_RE.lastIndex = 0;
    for (let match = TOKEN_RE.exec(text); match; match = TOKEN_RE.exec(text)) {
      const [, word, symbol, bang] = match;
      if (word && model.segments) {
        for (const piece of this.segment(word.toLowerCase(), model.segments)) tokens.push({ text: piece, caps: false, clause });
      } else if (word) {
        const lower = word.toLowerCase();
        const caps = word !== lower && word.length >= 3 && word === word.toUpperCase();
        const elision = lower.includes("'") ? ELISION_RE.exec(lower) : null;
        if (elision) tokens.push({ text: elision[1], caps: false, clause }, { text: elision[2], caps, clause });
        else tokens.push({ text: lower, caps, clause });
      } else if (symbol) {
        const score = this.emoji.get(symbol);
        if (score) {
          emojiSum += score;
          cues.push({ text: `${symbol}(${score})`, weight: Math.abs(score) });
        }
      } else {
        if (bang) exclamations++;
        clause++;
      }
    }
    return { tokens, exclamations, emojiSum };
  }

  /** Greedy longest match of known terms; unknown characters become single-character tokens. */
  private segment(run: string, index: Map<string, string[]>): string[] {
    const pieces: string[] = [];
    for (let i = 0; i < run.length; ) {
      const piece = index.get(run[i])?.find((term) => run.startsWith(term, i)) ?? run[i];
      pieces.push(piece);
      i += piece.length;
    }
    return pieces;
  }

  private scoreTokens(tokens: Token[], model: LanguageModel, cues: Cue[]): number {
    // CAPS only signals emphasis against mostly lower-case text; an all-caps ticket carries no contrast.
    const emphasis = tokens.filter((token) => token.caps).length * 2 < tokens.length;
    const pivot = tokens.findIndex((token) => model.contrast.has(token.text));
    let sum = 0;
    let shouted = false;
    for (let i = 0; i < tokens.length; ) {
      const { term, span } = this.termAt(tokens, i, model);
      const base = model.words.get(term);
      if (base) {
        let value = base * this.intensity(tokens, i, model);
        // Phrases such as "not good" or "fed up" already carry their polarity.
        const negator = span === 1 ? this.negatorNear(tokens, i, model) : undefined;
        if (negator) value *= NEGATION_SCALAR;
        if (emphasis && tokens[i].caps) {
          value *= CAPS_BOOST;
          shouted = true;
        }
        if (pivot >= 0 && i !== pivot) value *= i < pivot ? BEFORE_CONTRAST : AFTER_CONTRAST;
        sum += value;
        const text = !negator ? `${term}(${base})` : model.negationFollows ? `${term}+${negator}` : `${negator}+${term}`;
        cues.push({ text, weight: Math.abs(value) });
      }
      i += span;
    }
    if (shouted) cues.push({ text: 'CAPS', weight: 1, rule: true });
    return sum;
  }

  /** The longest lexicon phrase starting at `i`, else the single token. */
  private termAt(tokens: Token[], i: number, model: LanguageModel): { term: string; span: number } {
    if (model.phraseStarts.has(tokens[i].text)) {
      for (let span = Math.min(model.maxPhraseTokens, tokens.length - i); span > 1; span--) {
        const phrase = tokens
          .slice(i, i + span)
          .map((token) => token.text)
          .join(' ');
        if (model.words.has(phrase)) return { term: phrase, span };
      }
    }
    return { term: tokens[i].text, span: 1 };
  }

  /** Product of the intensifiers directly preceding token `i` ("really very bad"). */
  private intensity(tokens: Token[], i: number, model: LanguageModel): number {
    let factor = 1;
    for (let j = i - 1; j >= 0; j--) {
      const boost = model.intensifiers.get(tokens[j].text);
      if (boost === undefined) break;
      factor *= boost;
    }
    return factor;
  }

  private negatorNear(tokens: Token[], i: number, model: LanguageModel): string | undefined {
    const window = model.segments ? UNSPACED_NEGATION_WINDOW : NEGATION_WINDOW;
    const step = model.negationFollows ? 1 : -1;
    for (let distance = 1; distance <= window; distance++) {
      const token = tokens[i + distance * step];
      if (!token || token.clause !== tokens[i].clause) return undefined;
      if (model.negations.has(token.text)) return token.text;
    }
    return undefined;
  }

  private scoreFrustration(lower: string, model: LanguageModel, cues: Cue[]): number {
    let sum = 0;
    for (const phrase of model.frustration) {
      if (!lower.includes(phrase)) continue;
      sum -= FRUSTRATION_PENALTY;
      cues.push({ text: `frustration:${phrase}`, weight: FRUSTRATION_PENALTY });
    }
    return sum;
  }

  private confidence(label: SentimentLabel, score: number, cues: Cue[]): number {
    const evidence = cues.filter((cue) => !cue.rule);
    let confidence: number;
    if (label === 'neutral') {
      // 1 at a compound of 0, falling to 0 at either label threshold; every cue found makes "no sentiment" less certain.
      const centred = 1 - score / (score < 0 ? NEGATIVE_AT : POSITIVE_AT);
      confidence = 0.45 + 0.5 * centred - 0.07 * Math.min(evidence.length, 5);
    } else {
      const [threshold, end] = label === 'negative' ? [NEGATIVE_AT, -1] : [POSITIVE_AT, 1];
      confidence = 0.5 + (0.5 * (score - threshold)) / (end - threshold);
      if (evidence.length === 1 && evidence[0].weight <= WEAK_CUE) confidence *= 0.8;
    }
    return Math.max(0.05, Math.min(0.99, confidence));
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
