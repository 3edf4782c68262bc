import type { Priority, PriorityReason, PriorityReasonCode, PriorityResult } from '@smartdesk/contracts';
import { PRIORITIES } from '@smartdesk/contracts';
import type { Severity } from '../categorize/taxonomy';
import { foldText } from '../text/tokenize';

export interface PriorityInput {
  text: string;
  severity: Severity | null;
  /** The customer's tier from the ticket metadata, e.g. `vip`. */
  customerTier?: string;
}

const BASE: Record<Severity, Priority> = { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' };

/** Urgency cues (matched on accent-folded lower-case text) and how many levels each raises priority. */
const URGENCY_CUES: { code: PriorityReasonCode; reason: string; pattern: RegExp; raise: number }[] = [
  {
    code: 'service-outage',
    reason: 'service outage',
    pattern: /\b(outage|is down|went down|not working for anyone|(servers?|site|website|app|system|network) (is |are )?down|caido|caida|panne|ausfall)\b/,
    raise: 2,
  },
  { code: 'cannot-log-in', reason: 'cannot log in', pattern: /\b(can'?t|cannot|unable to|could not|couldn'?t) (log ?in|sign ?in|access)|locked out|no puedo (entrar|acceder|iniciar)/, raise: 1 },
  {
    code: 'money-taken-twice',
    reason: 'money taken twice',
    pattern: /\b(charged|billed|debited) (me )?(twice|two times|double)|double (charge|payment)|duplicate (charge|payment)|cobro duplicado|cobrado dos veces/,
    raise: 1,
  },
  {
    code: 'deadline',
    reason: 'deadline',
    pattern: /\b(deadline|by tomorrow|by tonight|by (monday|tuesday|wednesday|thursday|friday)|today|asap|as soon as possible|urgent(ly)?|immediately|emergency|urgente|dringend)\b/,
    raise: 1,
  },
  { code: 'security-or-fraud', reason: 'security or fraud', pattern: /\b(hacked|fraud(ulent)?|unauthori[sz]ed|phishing|stolen|breach|compromised|fraude)\b/, raise: 2 },
  { code: 'business-blocked', reason: 'business blocked', pattern: /\b(whole team|entire (team|office|company)|all (users|employees)|production|can'?t work|cannot work|blocked)\b/, raise: 1 },
];

/** Priority from the category's severity, raised by urgency cues and the customer's tier; each raise has its reason. */
export function scorePriority(input: PriorityInput): PriorityResult {
  const text = foldText(input.text);
  const base = input.severity ? BASE[input.severity] : 'normal';
  const reasons = [input.severity ? `category severity ${input.severity}` : 'no category severity'];
  const reasonCodes: PriorityReason[] = [input.severity ? { code: 'category-severity', params: { severity: input.severity } } : { code: 'no-category-severity' }];
  let level = PRIORITIES.indexOf(base);
  let cues = 0;
  for (const cue of URGENCY_CUES) {
    if (cue.pattern.test(text)) {
      level += cue.raise;
      cues++;
      reasons.push(cue.reason);
      reasonCodes.push({ code: cue.code });
    }
  }
  if (input.customerTier?.toLowerCase() === 'vip') {
    level += 1;
    reasons.push('VIP customer');
    reasonCodes.push({ code: 'vip-customer' });
  }
  const capped = Math.min(level, PRIORITIES.length - 1);
  // Rules are sure of what they matched; with no cue at all the level rests on the category alone.
  const confidence = cues > 0 ? 0.9 : 0.7;
  return { level: PRIORITIES[capped], reasons, reasonCodes, confidence, source: 'rules' };
}
