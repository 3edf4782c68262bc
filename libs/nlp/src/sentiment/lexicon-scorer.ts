import type { SentimentSignal } from '@smartdesk/contracts';
import { alternation } from './complaint-cues';

export interface ModifierSpec {
  negations: string[];
  intensifiers: Record<string, number>;
  contrast: string[];
  /** Thanks-words: praise on their own, mere courtesy inside a request. */
  gratitude: string[];
  /** Words that make a message a request ("please", "could you"); a "?" does too. */
  requests: string[];
  /** Words that make what follows a wish or a condition ("would", "if", "hope"). */
  irrealis: string[];
  /** Words that close a problem just named ("problem solved", "problème résolu"). */
  resolutions: string[];
  /** Japanese negates after the word ("満足していません"). */
  negationFollows?: boolean;
}

/** One piece of evidence: the typed signal plus its readable cue. `amplifier`s only scale other evidence. */
export interface Evidence extends SentimentSignal {
  cue: string;
  amplifier?: true;
}

/** The polarity found, in three parts whose sum is the text's lexical score. */
export interface LexiconScore {
  /** Words naming what went wrong (see isTopic): negative or 0. */
  topic: number;
  /** Feelings and insults, and negative emoji: negative or 0. */
  feeling: number;
  /** Positive words and emoji: positive or 0. */
  praise: number;
  evidence: Evidence[];
  exclamations: number;
  /** Non-lexicon words written in capitals against mostly lower-case text ("It's been FOUR HOURS"). */
  shouting: boolean;
}

export interface ScoringContext {
  /** Sentences in which a sarcasm cue fired: their positive words count for nothing. */
  sarcastic: ReadonlySet<number>;
  /** The text carries complaint cues (waiting, no answer, threats...). */
  complaining: boolean;
}

interface PraiseContext extends ScoringContext {
  request: boolean;
}

interface Hit {
  index: number;
  term: string;
  base: number;
  value: number;
  negator?: string;
}

interface Token {
  text: string;
  caps: boolean;
  hashtag: boolean;
  /** Punctuation-delimited clause: negation does not reach across "nobody answers, unacceptable". */
  clause: number;
  sentence: number;
}

const NEGATION_SCALAR = -0.74;
const NEGATION_WINDOW = 3;
const UNSPACED_NEGATION_WINDOW = 4; // CJK tokens are often single characters, shorter than words
const CAPS_BOOST = 1.5;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Thanks inside a request ("Could you check? Thanks") is politeness, not praise. */
const COURTESY = 0.25;
const COMPLAINT_CONTEXT = 0.5;
const RESOLUTION_WINDOW = 4;
const MIN_HASHTAG_PART = 4;
const MIN_HASHTAG_PRAISE = 5;
/** Two shouted words of four letters or more: one could be an acronym (HTML, GDPR). */
const MIN_SHOUTED_WORDS = 2;
/** Lexicons score feelings and insults ("furious", "inaceptable", "离谱") -3 or lower; failures ("fails", "falla", "故障") -1 or -2. */
const FEELING_AT = -3;

// Words (letters/digits, inner apostrophes, optional leading #), pictographic emoji, exclamation marks, other clause punctuation.
const TOKEN_RE = /(#?)([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic})|([!！])|[.,;:?¿¡…。，、；：？]/gu;
// French-style elision ("n'est", "l'attente"): split so the negator and the word are looked up separately.
const ELISION_RE = /^(\p{L}{1,2}')(.+)$/u;

/**
 * VADER-style lexicon scoring for one language: sentiment words and phrases, negation, intensifiers,
 * CAPS, contrast ("great but late" leans on "late"), emoji, and gratitude discounted inside a request.
 * Praise is weighed by its context (see praiseFactor).
 */
export class LexiconScorer {
  private readonly words: Map<string, number>;
  private readonly phraseStarts: Set<string>;
  private readonly maxPhraseTokens: number;
  private readonly negations: Set<string>;
  private readonly intensifiers: Map<string, number>;
  private readonly contrast: Set<string>;
  private readonly gratitude: Set<string>;
  private readonly requests: RegExp;
  private readonly irrealis: Set<string>;
  private readonly resolutions: Set<string>;
  private readonly negationFollows: boolean;
  /** Scripts without spaces: first character → known terms, longest first. */
  private readonly segments?: Map<string, string[]>;

  constructor(
    lexicon: Record<string, number>,
    spec: ModifierSpec,
    spaced: boolean,
    private readonly emoji: Map<string, number>,
  ) {
    this.words = new Map(Object.entries(lexicon));
    const phrases = [...this.words.keys()].filter((term) => term.includes(' ')).map((phrase) => phrase.split(' '));
    this.phraseStarts = new Set(phrases.map((parts) => parts[0]));
    this.maxPhraseTokens = Math.max(1, ...phrases.map((parts) => parts.length));
    this.negations = new Set(spec.negations);
    this.intensifiers = new Map(Object.entries(spec.intensifiers));
    this.contrast = new Set(spec.contrast);
    this.gratitude = new Set(spec.gratitude);
    this.requests = alternation(spec.requests.map(escapeRegExp), spaced);
    this.irrealis = new Set(spec.irrealis);
    this.resolutions = new Set(spec.resolutions);
    this.negationFollows = spec.negationFollows ?? false;
    if (!spaced) this.segments = indexByFirstChar([...this.words.keys(), ...spec.negations, ...Object.keys(spec.intensifiers), ...spec.contrast]);
  }

  score(sentences: string[], context: ScoringContext): LexiconScore {
    const evidence: Evidence[] = [];
    const { tokens, exclamations } = this.scan(sentences, evidence);
    // CAPS only signals emphasis against mostly lower-case text; an all-caps ticket carries no contrast.
    const emphasis = tokens.filter((token) => token.caps).length * 2 < tokens.length;
    const hits: Hit[] = [];
    const pivots = this.contrastPivots(tokens);
    let shoutedWord = false;
    let shoutedOthers = 0;
    for (let i = 0; i < tokens.length; ) {
      const { term, span } = this.termAt(tokens, i);
      const base = this.words.get(term) ?? this.hashtagValue(tokens[i]);
      if (emphasis && tokens[i].caps && !base && /^\p{L}{4,}$/u.test(tokens[i].text)) shoutedOthers++;
      if (base) {
        let value = base * this.intensity(tokens, i) * contrastFactor(pivots.get(tokens[i].sentence), i);
        // Phrases such as "not good" or "fed up" already carry their polarity.
        const negator = span === 1 ? this.negatorNear(tokens, i) : undefined;
        if (negator) value *= NEGATION_SCALAR;
        if (emphasis && tokens[i].caps) {
          value *= CAPS_BOOST;
          shoutedWord = true;
        }
        if (!(value < 0 && !negator && this.resolvedAfter(tokens, i + span))) hits.push({ index: i, term, base, value, negator });
      }
      i += span;
    }

    const request = sentences.some((sentence) => this.isRequest(sentence));
    const negativeSentences = new Set(hits.filter((hit) => hit.value < 0).map((hit) => tokens[hit.index].sentence));
    // Any blame in the ticket, from a word, an emoji or a complaint cue, makes its praise suspect.
    const complaining = context.complaining || negativeSentences.size > 0 || evidence.some((item) => item.weight < 0);
    // So far the evidence is emoji: feelings or praise.
    const parts = {
      topic: 0,
      feeling: evidence.reduce((total, item) => total + Math.min(0, item.weight), 0),
      praise: evidence.reduce((total, item) => total + Math.max(0, item.weight), 0),
    };
    for (const hit of hits) {
      if (hit.value > 0) hit.value *= this.praiseFactor(hit, tokens, sentences, { ...context, complaining, request });
      if (hit.value === 0) continue;
      parts[hit.value > 0 ? 'praise' : isTopic(hit) ? 'topic' : 'feeling'] += hit.value;
      evidence.push(this.describe(hit, tokens[hit.index]));
    }
    if (shoutedWord) evidence.push({ kind: 'emphasis', text: 'CAPS', cue: 'CAPS', weight: 0, amplifier: true });
    return { ...parts, evidence, exclamations, shouting: shoutedOthers >= MIN_SHOUTED_WORDS };
  }

  /**
   * How much of a positive word to believe. Thanks inside a request or a complaint is courtesy.
   * Praise in a sarcastic sentence, in a question ("what's a good number to call?") or in a wish
   * ("an update would be great") is no praise at all; next to blame it counts half, since praise in a
   * complaint is usually ironic ("Really happy that I was charged double") or a concession.
   */
  private praiseFactor(hit: Hit, tokens: Token[], sentences: string[], context: PraiseContext): number {
    const { sentence } = tokens[hit.index];
    if (context.sarcastic.has(sentence)) return 0;
    if (this.gratitude.has(hit.term)) return context.request || context.complaining ? COURTESY : 1;
    if (/[?？]\s*$/.test(sentences[sentence]) || this.hypothetical(tokens, hit.index)) return 0;
    return context.complaining ? COMPLAINT_CONTEXT : 1;
  }

  /** "The sync problem is gone": a resolution word (not negated) shortly after a problem word, in its clause. */
  private resolvedAfter(tokens: Token[], from: number): boolean {
    for (let j = from; j < tokens.length && j < from + RESOLUTION_WINDOW && tokens[j].clause === tokens[from - 1].clause; j++) {
      if (this.resolutions.has(tokens[j].text)) return !this.negatorNear(tokens, j);
    }
    return false;
  }

  private isRequest(sentence: string): boolean {
    this.requests.lastIndex = 0;
    return /[?？]/.test(sentence) || this.requests.test(sentence.toLowerCase());
  }

  /** A wish or condition ("would be great", "if you could show me where this is beneficial") earlier in the clause. */
  private hypothetical(tokens: Token[], i: number): boolean {
    for (let j = i - 1; j >= 0 && tokens[j].clause === tokens[i].clause; j--) {
      if (this.irrealis.has(tokens[j].text)) return true;
    }
    return false;
  }

  private describe({ term, base, value, negator }: Hit, token: Token): Evidence {
    const shown = token.hashtag && !this.words.has(term) ? `#${term}` : term;
    const text = !negator ? shown : this.negationFollows ? `${shown} ${negator}` : `${negator} ${shown}`;
    const cue = !negator ? `${shown}(${base})` : this.negationFollows ? `${shown}+${negator}` : `${negator}+${shown}`;
    return { kind: negator ? 'negated-word' : 'word', text, cue, weight: round(value) };
  }

  /** One pass: word tokens per sentence and clause, emoji evidence, and the exclamation count. */
  private scan(sentences: string[], evidence: Evidence[]): { tokens: Token[]; exclamations: number } {
    const tokens: Token[] = [];
    let exclamations = 0;
    let clause = 0;
    sentences.forEach((text, sentence) => {
      clause++;
      for (const [, hash, word, symbol, bang] of text.matchAll(TOKEN_RE)) {
        if (word && this.segments) {
          for (const piece of segment(word.toLowerCase(), this.segments)) tokens.push({ text: piece, caps: false, hashtag: false, clause, sentence });
        } else if (word) {
          const lower = word.toLowerCase();
          const caps = word !== lower && word.length >= 3 && word === word.toUpperCase();
          const elision = lower.includes("'") ? ELISION_RE.exec(lower) : null;
          if (elision) tokens.push({ text: elision[1], caps: false, hashtag: false, clause, sentence }, { text: elision[2], caps, hashtag: false, clause, sentence });
          else tokens.push({ text: lower, caps, hashtag: hash === '#', clause, sentence });
        } else if (symbol) {
          const score = this.emoji.get(symbol);
          if (score) evidence.push({ kind: 'emoji', text: symbol, cue: `${symbol}(${score})`, weight: score });
        } else {
          if (bang) exclamations++;
          clause++;
        }
      }
    });
    return { tokens, exclamations };
  }

  /** The longest lexicon phrase starting at `i` within its sentence, else the single token. */
  private termAt(tokens: Token[], i: number): { term: string; span: number } {
    if (this.phraseStarts.has(tokens[i].text)) {
      for (let span = Math.min(this.maxPhraseTokens, tokens.length - i); span > 1; span--) {
        if (tokens[i + span - 1].sentence !== tokens[i].sentence) continue;
        const phrase = tokens
          .slice(i, i + span)
          .map((token) => token.text)
          .join(' ');
        if (this.words.has(phrase)) return { term: phrase, span };
      }
    }
    return { term: tokens[i].text, span: 1 };
  }

  /**
   * A lower-case hashtag glues words together ("#worstservice", "#unitedfail"): its longest lexicon prefix or
   * suffix counts. Praise needs a longer part than blame, so "#neveragain" does not read as "gain".
   */
  private hashtagValue(token: Token): number | undefined {
    if (!token.hashtag) return undefined;
    const tag = token.text;
    const usable = (value: number | undefined, length: number) => (value && (value < 0 || length >= MIN_HASHTAG_PRAISE) ? value : undefined);
    for (let length = tag.length - 1; length >= MIN_HASHTAG_PART; length--) {
      const suffix = usable(this.words.get(tag.slice(-length)), length);
      // "#nothappy", "#neverhappy": a negator glued before the word.
      if (suffix) return this.negations.has(tag.slice(0, tag.length - length)) ? suffix * NEGATION_SCALAR : suffix;
      const prefix = usable(this.words.get(tag.slice(0, length)), length);
      if (prefix) return prefix;
    }
    return undefined;
  }

  /** Product of the intensifiers directly preceding token `i` ("really very bad"). */
  private intensity(tokens: Token[], i: number): number {
    let factor = 1;
    for (let j = i - 1; j >= 0 && tokens[j].clause === tokens[i].clause; j--) {
      const boost = this.intensifiers.get(tokens[j].text);
      if (boost === undefined) break;
      factor *= boost;
    }
    return factor;
  }

  private negatorNear(tokens: Token[], i: number): string | undefined {
    const window = this.segments ? UNSPACED_NEGATION_WINDOW : NEGATION_WINDOW;
    const step = this.negationFollows ? 1 : -1;
    for (let distance = 1; distance <= window; distance++) {
      const token = tokens[i + distance * step];
      if (!token || token.clause !== tokens[i].clause) return undefined;
      if (this.negations.has(token.text)) return token.text;
    }
    return undefined;
  }

  /** Sentence → index of its first contrast word ("but", "pero", "但是"). */
  private contrastPivots(tokens: Token[]): Map<number, number> {
    const pivots = new Map<number, number>();
    tokens.forEach((token, i) => {
      if (this.contrast.has(token.text) && !pivots.has(token.sentence)) pivots.set(token.sentence, i);
    });
    return pivots;
  }
}

/**
 * A negative word that names what went wrong ("fails", "delayed", "falla", "故障") or a negated good one
 * ("not working", "nicht zufrieden") rather than a feeling or an insult: it tells the topic, not the mood.
 */
function isTopic(hit: Hit): boolean {
  return hit.negator !== undefined || hit.base > FEELING_AT;
}

/** Within a sentence, words after "but" weigh more and words before it less. */
function contrastFactor(pivot: number | undefined, i: number): number {
  if (pivot === undefined || pivot === i) return 1;
  return i < pivot ? BEFORE_CONTRAST : AFTER_CONTRAST;
}

/** Greedy longest match of known terms; unknown characters become single-character tokens. */
function segment(run: string, index: Map<string, string[]>): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < run.length; ) {
    const piece = index.get(run[i])?.find((term) => run.startsWith(term, i)) ?? run[i];
    pieces.push(piece);
    i += piece.length;
  }
  return pieces;
}

function indexByFirstChar(terms: string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const term of [...terms].sort((a, b) => b.length - a.length)) index.set(term[0], [...(index.get(term[0]) ?? []), term]);
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const round = (value: number) => Math.round(value * 100) / 100;
