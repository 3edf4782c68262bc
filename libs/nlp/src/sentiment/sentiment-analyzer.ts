import type { ComplaintCueKind, SentimentSignal } from '@smartdesk/contracts';
import { ComplaintCueMatcher, ComplaintCueSet, CueMatch } from './complaint-cues';
import { DE_CUES } from './cues/de.cues';
import { EN_CUES } from './cues/en.cues';
import { ES_CUES } from './cues/es.cues';
import { FR_CUES } from './cues/fr.cues';
import { JA_CUES } from './cues/ja.cues';
import { PT_CUES } from './cues/pt.cues';
import { ZH_CUES } from './cues/zh.cues';
import { Evidence, LexiconScorer, ModifierSpec } from './lexicon-scorer';
import de from './lexicons/de.json';
import emoji from './lexicons/emoji.json';
import en from './lexicons/en.json';
import es from './lexicons/es.json';
import fr from './lexicons/fr.json';
import ja from './lexicons/ja.json';
import modifiers from './lexicons/modifiers.json';
import pt from './lexicons/pt.json';
import zh from './lexicons/zh.json';
import { normalizeForSentiment, splitSentences } from './sentiment-text';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** Compound polarity in [-1, 1]. */
  score: number;
  /** In [0, 1]. */
  confidence: number;
  source: 'rules';
  /** Readable evidence, strongest first, at most 8: "useless(-3)", "not+happy", "legal-threat:chargeback", "CAPS". */
  cues: string[];
  /** All evidence, typed, strongest first. */
  signals: SentimentSignal[];
}

interface LanguageRules {
  lexicon: LexiconScorer;
  complaints: ComplaintCueMatcher;
}

const LANGUAGES: Record<string, { lexicon: Record<string, number>; cues: ComplaintCueSet }> = {
  en: { lexicon: en, cues: EN_CUES },
  es: { lexicon: es, cues: ES_CUES },
  fr: { lexicon: fr, cues: FR_CUES },
  de: { lexicon: de, cues: DE_CUES },
  pt: { lexicon: pt, cues: PT_CUES },
  zh: { lexicon: zh, cues: ZH_CUES },
  ja: { lexicon: ja, cues: JA_CUES },
};
const MODIFIERS: Record<string, ModifierSpec> = modifiers;

const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 3;
/** Shouted words that are not sentiment words themselves ("It's been FOUR HOURS") raise the volume. */
const SHOUT_BOOST = 0.75;
const ALPHA = 15; // VADER normalisation: sum / sqrt(sum² + α)
const NEGATIVE_AT = -0.15; // deliberately closer to 0 than POSITIVE_AT: missing an angry customer costs more
const POSITIVE_AT = 0.35;
const WEAK_CUE = 2;
/**
 * However many failures, waits and unanswered mails a ticket describes, together (less any praise) they
 * read no lower than this sum (compound -0.46, above the escalation rules' -0.5): a calm "ten days and
 * still not arrived, can you check?" lists problems. Anger shows in feeling words, insults, threats,
 * repeat contact, sarcasm and shouting, which are not capped.
 */
const TOPIC_CAP = -2;
/** Complaint cues that describe the problem, not the customer's temper ("still not arrived", "no reply yet", "why ...?", "I want a refund"). */
const TOPIC_KINDS = new Set<ComplaintCueKind>(['service-failure', 'waiting', 'unanswered', 'broken-promise', 'demand', 'question']);
const MAX_CUES = 8;

/**
 * Zero-shot, explainable sentiment for support tickets in en, es, fr, de, pt, zh and ja: a lexicon with
 * negation, intensifiers, contrast, CAPS, "!!!" and emoji, plus complaint cues that single words miss
 * (repeat contact, waiting, no answer, broken promises, threats to leave or go legal, demands,
 * ultimatums, "why" questions, indignation, sarcasm). A text with no cue is neutral. The score reads
 * the customer's temper, not the size of the problem: see TOPIC_CAP.
 */
export class SentimentAnalyzer {
  private readonly languages = new Map<string, LanguageRules>();

  constructor() {
    const emojiScores = new Map(Object.entries(emoji));
    for (const [language, { lexicon, cues }] of Object.entries(LANGUAGES)) {
      this.languages.set(language, {
        lexicon: new LexiconScorer(lexicon, MODIFIERS[language], cues.spaced, emojiScores),
        complaints: new ComplaintCueMatcher(cues),
      });
    }
  }

  /** `language` is ISO 639-1 (region suffixes ignored); unknown languages use the English rules. */
  analyze(text: string, language: string): SentimentResult {
    const rules = this.languages.get(language.toLowerCase().split(/[-_]/)[0]) ?? this.languages.get('en')!;
    const sentences = splitSentences(normalizeForSentiment(text));
    const complaints = rules.complaints.match(sentences);
    const sarcastic = new Set(complaints.filter((match) => match.kind === 'sarcasm').map((match) => match.sentence));
    const lexical = rules.lexicon.score(sentences, { sarcastic, complaining: complaints.some((match) => match.kind !== 'sarcasm') });
    const evidence = [...lexical.evidence, ...complaints.map(complaintEvidence)];
    const cues = (topic: boolean) => complaints.filter((match) => TOPIC_KINDS.has(match.kind) === topic).reduce((total, match) => total + match.weight, 0);
    const heat = lexical.feeling + cues(false);
    // Praise offsets the problems first, so the cap never turns a negative text neutral or positive.
    let sum = heat + Math.max(TOPIC_CAP, lexical.topic + cues(true) + lexical.praise);

    if (sum !== 0) {
      const bangs = Math.min(lexical.exclamations, MAX_EXCLAMATIONS);
      if (bangs > 0) {
        sum += Math.sign(sum) * EXCLAMATION_BOOST * bangs;
        evidence.push({ kind: 'emphasis', text: '!'.repeat(bangs), cue: '!'.repeat(bangs), weight: 0, amplifier: true });
      }
      if (lexical.shouting) {
        sum += Math.sign(sum) * SHOUT_BOOST;
        if (!evidence.some((item) => item.cue === 'CAPS')) evidence.push({ kind: 'emphasis', text: 'CAPS', cue: 'CAPS', weight: 0, amplifier: true });
      }
    }

    // "!" on a problem report alone ("the VPN fails! could you check?") stresses the problem, not a temper.
    if (heat === 0 && !lexical.shouting) sum = Math.max(TOPIC_CAP, sum);
    const score = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
    const label: SentimentLabel = score <= NEGATIVE_AT ? 'negative' : score >= POSITIVE_AT ? 'positive' : 'neutral';
    const ranked = evidence.filter((item) => item.weight !== 0 || item.amplifier).sort((a, b) => strength(b) - strength(a));
    return {
      label,
      score: round(score),
      confidence: round(confidence(label, score, ranked)),
      source: 'rules',
      cues: [...new Set(ranked.map((item) => item.cue))].slice(0, MAX_CUES),
      signals: ranked.map(({ kind, text, weight }) => ({ kind, text, weight })),
    };
  }
}

function complaintEvidence(match: CueMatch): Evidence {
  return { kind: match.kind, text: match.text, cue: `${match.kind}:${match.text}`, weight: match.weight };
}

/** Amplifiers rank just after the evidence they amplify: above weak words, below strong ones. */
function strength(item: Evidence): number {
  return item.amplifier ? 1 : Math.abs(item.weight);
}

function confidence(label: SentimentLabel, score: number, evidence: Evidence[]): number {
  const proper = evidence.filter((item) => !item.amplifier);
  let confidence: number;
  if (label === 'neutral') {
    // 1 at a compound of 0, falling to 0 at either label threshold; every cue found makes "no sentiment" less certain.
    const centred = 1 - score / (score < 0 ? NEGATIVE_AT : POSITIVE_AT);
    confidence = 0.45 + 0.5 * centred - 0.07 * Math.min(proper.length, 5);
  } else {
    const [threshold, end] = label === 'negative' ? [NEGATIVE_AT, -1] : [POSITIVE_AT, 1];
    confidence = 0.5 + (0.5 * (score - threshold)) / (end - threshold);
    if (proper.length === 1 && Math.abs(proper[0].weight) <= WEAK_CUE) confidence *= 0.8;
  }
  return Math.max(0.05, Math.min(0.99, confidence));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
