import { readFileSync } from 'node:fs';
import { parseYamlSafely } from '@smartdesk/config';
import { foldText } from '@smartdesk/nlp';

/** Every rule's level: 0 turns the rule off; 1 senior agent, 2 team lead, 3 manager on call. */
interface Rule {
  level: number;
}

export interface EscalationRules {
  'human-requested': Rule;
  'legal-or-security': Rule & { words: string[] };
  /**
   * Sentiment at or below `score` on a high-priority ticket; `urgentLevel` when the ticket is urgent. A calm
   * report of a failure ("the reset e-mail never arrives", "VPN fails") reads mildly negative in every
   * language (about -0.25 to -0.46): that is the topic, not an angry customer.
   */
  'negative-high-priority': Rule & { urgentLevel: number; score: number };
  'very-negative': Rule & { score: number };
  'low-response-confidence': Rule;
  'out-of-scope': Rule;
  'stage-failed': Rule;
  'vip-customer': Rule & { tiers: string[] };
  /** At least `tickets` other tickets from the same customer in the last `days` days. */
  'repeat-contact': Rule & { days: number; tickets: number };
  'sla-at-risk': Rule;
  'sla-breached': Rule;
}

export type RuleName = keyof EscalationRules;

/** The rules as shipped; config/escalation.yml restates them for operators to change. */
export const DEFAULT_ESCALATION_RULES: EscalationRules = {
  'human-requested': { level: 2 },
  'legal-or-security': {
    level: 2,
    words: [
      'lawyer',
      'attorney',
      'legal action',
      'sue',
      'lawsuit',
      'court',
      'chargeback',
      'gdpr',
      'data breach',
      'hacked',
      'fraud',
      'fraudulent',
      'abogado',
      'demanda',
      'denuncia',
      'avocat',
      'avocate',
      'anwalt',
      'rechtsanwalt',
      'verklagen',
      'advogado',
      'processar',
      'tribunal',
      '律师',
      '起诉',
      '法院',
      '弁護士',
      '訴訟',
      '裁判',
    ],
  },
  'negative-high-priority': { level: 2, urgentLevel: 3, score: -0.5 },
  'very-negative': { level: 1, score: -0.6 },
  'low-response-confidence': { level: 1 },
  'out-of-scope': { level: 1 },
  'stage-failed': { level: 1 },
  'vip-customer': { level: 1, tiers: ['vip'] },
  'repeat-contact': { level: 1, days: 7, tickets: 2 },
  'sla-at-risk': { level: 2 },
  'sla-breached': { level: 3 },
};

export class EscalationConfigError extends Error {}

export function loadEscalationRules(path: string): EscalationRules {
  return parseEscalationRules(parseYamlSafely(readFileSync(path, 'utf8'), path), path);
}

/** The file's `rules`, each merged over its default; unknown rules and bad values are refused, naming them. */
export function parseEscalationRules(raw: unknown, source = 'escalation rules'): EscalationRules {
  const given = ((raw as { rules?: unknown } | null)?.rules ?? {}) as Record<string, Record<string, unknown>>;
  const fail = (field: string, problem: string): never => {
    throw new EscalationConfigError(`${source}: rules.${field} ${problem}`);
  };
  if (typeof given !== 'object' || Array.isArray(given)) fail('', 'must be a map of rule name to settings');
  const rules = structuredClone(DEFAULT_ESCALATION_RULES) as unknown as Record<string, Record<string, unknown>>;
  for (const [name, settings] of Object.entries(given)) {
    const defaults = rules[name] ?? fail(name, `is not a rule (${Object.keys(rules).join(', ')})`);
    for (const [key, value] of Object.entries(settings ?? {})) {
      const expected = defaults[key];
      if (expected === undefined) fail(`${name}.${key}`, `is not a setting of this rule (${Object.keys(defaults).join(', ')})`);
      if (key === 'level' || key === 'urgentLevel') {
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 3) fail(`${name}.${key}`, 'must be a level from 0 (off) to 3');
      } else if (Array.isArray(expected)) {
        if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry.trim())) fail(`${name}.${key}`, 'must be a list of words');
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(`${name}.${key}`, 'must be a number');
      }
      defaults[key] = value;
    }
  }
  const parsed = rules as unknown as EscalationRules;
  if (parsed['repeat-contact'].days < 1 || parsed['repeat-contact'].tickets < 1) fail('repeat-contact', 'needs days and tickets of at least 1');
  for (const rule of ['very-negative', 'negative-high-priority'] as const) {
    if (parsed[rule].score < -1 || parsed[rule].score > 0) fail(`${rule}.score`, 'must be between -1 and 0');
  }
  return parsed;
}

/**
 * A whole-word (or whole-phrase) matcher over accent-folded text, with word boundaries in any alphabet
 * ("¿abogado?" matches, "courtesy" does not match "court"). Chinese and Japanese put no spaces between
 * words: their words match wherever they stand.
 */
export function wordMatcher(words: string[]): RegExp {
  const escape = (word: string) =>
    foldText(word.trim())
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
  const spaced = words.filter((word) => !CJK.test(word)).map(escape);
  const unspaced = words.filter((word) => CJK.test(word)).map(escape);
  const alternatives = [...(spaced.length ? [`(?<![\\p{L}\\p{N}])(?:${spaced.join('|')})(?![\\p{L}\\p{N}])`] : []), ...unspaced];
  return new RegExp(alternatives.length ? alternatives.join('|') : '(?!)', 'u');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
