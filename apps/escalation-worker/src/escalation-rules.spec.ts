import type { CategorizationResult, EscalationDecision, Priority, ResponseSuggestion, SentimentStageResult } from '@smartdesk/contracts';
import { DEFAULT_ESCALATION_RULES, EscalationRules } from './escalation-config';
import { decideEscalation, EscalationInput } from './escalation-rules';

function categorization(overrides: Partial<CategorizationResult> = {}, priority: Priority = 'normal', priorityConfidence = 0.8): CategorizationResult {
  return {
    category: 'shipping',
    modelVersion: 0,
    confidence: 0.85,
    source: 'model',
    needsReview: false,
    explanation: ['parcel', 'tracking'],
    alternatives: [{ category: 'orders', confidence: 0.1 }],
    priority: { level: priority, reasons: ['category severity medium'], confidence: priorityConfidence, source: 'rules' },
    ...overrides,
  };
}

function sentiment(label: SentimentStageResult['label'], score: number, confidence = 0.8): SentimentStageResult {
  return { label, score, confidence, source: 'model', cues: [], language: { code: 'en', confidence: 0.95, source: 'model' } };
}

function response(confidence: number, needsHuman: boolean): ResponseSuggestion {
  return {
    body: 'Hi Ana,\n\nHere is what should help: ...',
    language: 'en',
    confidence,
    source: 'rules',
    needsHuman,
    sources: [{ kind: 'article', articleId: 'shipping/track-your-order', title: 'Tracking a shipment', path: 'kb/shipping/track-your-order.md', score: 0.6 }],
  };
}

/** A calm, routine, well-answered ticket: the baseline every rule test deviates from in one way. */
function calm(overrides: Partial<EscalationInput> = {}): EscalationInput {
  return {
    text: 'Hello, could you tell me where my parcel is? Order 50122. Thanks!',
    categorization: categorization(),
    sentiment: sentiment('neutral', 0.05),
    response: response(0.82, false),
    failedStages: [],
    ...overrides,
  };
}

const rules = (decision: EscalationDecision) => decision.reasons.map((reason) => reason.rule);

function expectWellFormed(decision: EscalationDecision) {
  expect(decision.source).toBe('rules');
  expect(decision.confidence).toBeGreaterThanOrEqual(0);
  expect(decision.confidence).toBeLessThanOrEqual(1);
  expect(decision.escalate).toBe(decision.level > 0);
  for (const reason of decision.reasons) {
    expect(typeof reason.rule).toBe('string');
    expect(reason.rule.length).toBeGreaterThan(0);
    expect(typeof reason.detail).toBe('string');
    expect(reason.detail.length).toBeGreaterThan(0);
    // The figures behind the English detail, for the web to phrase in the reader's language.
    expect(reason.params).toEqual(expect.any(Object));
  }
}

describe('decideEscalation', () => {
  it('does not escalate a calm, well-answered ticket', () => {
    const decision = decideEscalation(calm());
    expectWellFormed(decision);
    expect(decision).toMatchObject({ escalate: false, level: 0, reasons: [] });
  });

  describe('human-requested', () => {
    it.each([
      'This bot is useless, I want to speak to a human.',
      'Can I talk with a real person please?',
      'Let me chat to your manager.',
      'I need a human agent, not canned replies.',
      'Quiero hablar con una persona, no con un robot.',
      'Por favor, necesito hablar con un agente.',
      'Necesito hablar con alguien del equipo.',
    ])('fires for %j', (text) => {
      const decision = decideEscalation(calm({ text }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['human-requested']);
      expect(decision.reasons[0].params).toEqual({});
      expect(decision.level).toBe(2);
      expect(decision.escalate).toBe(true);
    });

    it('matches Spanish with or without accents (accent-folded)', () => {
      expect(rules(decideEscalation(calm({ text: 'QUIERO HABLAR CON UN HUMANO' })))).toContain('human-requested');
      expect(rules(decideEscalation(calm({ text: 'Quiero hablar con el encargado ahora mismo' })))).toContain('human-requested');
    });

    it('does not fire on ordinary mentions of people', () => {
      expect(rules(decideEscalation(calm({ text: 'The person at the door said the parcel was for my neighbour.' })))).not.toContain('human-requested');
    });
  });

  it.each(['我要转人工，机器人没用', 'オペレーターと話したいです'])('hears a request for a human in Chinese and Japanese: %s', (text) => {
    expect(rules(decideEscalation(calm({ text })))).toContain('human-requested');
  });

  describe('legal-or-security', () => {
    it.each([
      'If this is not fixed I will call my lawyer.',
      'I am going to file a chargeback with my bank.',
      'My account was hacked and someone ordered things.',
      'This is fraud, I never made this purchase.',
      'Please delete my data under GDPR.',
      'Voy a hablar con mi abogado.',
      'Pondré una denuncia si no me devolvéis el dinero.',
    ])('fires for %j', (text) => {
      const decision = decideEscalation(calm({ text }));
      expectWellFormed(decision);
      expect(rules(decision)).toContain('legal-or-security');
      expect(decision.level).toBe(2);
    });

    it('does not fire on words that merely contain a legal term', () => {
      expect(rules(decideEscalation(calm({ text: 'Thanks for the courtesy call, my issue was resolved.' })))).not.toContain('legal-or-security');
    });
  });

  describe('negative sentiment with high priority', () => {
    it('goes to level 2 on a high-priority ticket', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.55, 0.7), categorization: categorization({}, 'high', 0.9) }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['negative-high-priority']);
      expect(decision.level).toBe(2);
      expect(decision.reasons[0].detail).toContain('high');
      expect(decision.reasons[0].detail).toContain('-0.55');
      expect(decision.reasons[0].params).toEqual({ score: -0.55, priority: 'high' });
      // The rule is as sure as the weaker of its two inputs.
      expect(decision.confidence).toBe(0.7);
    });

    it('goes to level 3 on an urgent ticket', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.5, 0.9), categorization: categorization({}, 'urgent', 0.6) }));
      expect(rules(decision)).toEqual(['negative-high-priority']);
      expect(decision.level).toBe(3);
      expect(decision.reasons[0].params).toEqual({ score: -0.5, priority: 'urgent' });
      expect(decision.confidence).toBe(0.6);
    });

    it.each<Priority>(['low', 'normal'])('does not fire for mildly negative sentiment on a %s-priority ticket', (priority) => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.4), categorization: categorization({}, priority) }));
      expect(decision).toMatchObject({ escalate: false, level: 0 });
    });

    it('does not fire for a calm report of a failure (mildly negative) on a high-priority ticket', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.46), categorization: categorization({}, 'high') }));
      expect(decision).toMatchObject({ escalate: false, level: 0 });
    });

    it('does not fire for neutral sentiment on an urgent ticket', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('neutral', 0), categorization: categorization({}, 'urgent') }));
      expect(rules(decision)).not.toContain('negative-high-priority');
      expect(decision.level).toBe(0);
    });
  });

  describe('very-negative', () => {
    it('alone escalates to level 1', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.8, 0.75) }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['very-negative']);
      expect(decision.level).toBe(1);
      expect(decision.reasons[0].detail).toContain('-0.80');
      expect(decision.reasons[0].params).toEqual({ score: -0.8 });
      expect(decision.confidence).toBe(0.75);
    });

    it('fires at the -0.6 boundary and not just above it', () => {
      expect(rules(decideEscalation(calm({ sentiment: sentiment('negative', -0.6) })))).toEqual(['very-negative']);
      expect(rules(decideEscalation(calm({ sentiment: sentiment('negative', -0.59) })))).toEqual([]);
    });

    it('is superseded by negative-high-priority rather than listed twice', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.9), categorization: categorization({}, 'high') }));
      expect(rules(decision)).toEqual(['negative-high-priority']);
      expect(decision.level).toBe(2);
    });
  });

  describe('low-response-confidence', () => {
    it('fires when the suggested reply needs a human', () => {
      const decision = decideEscalation(calm({ response: response(0.25, true) }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['low-response-confidence']);
      expect(decision.level).toBe(1);
      expect(decision.reasons[0].detail).toContain('0.25');
      expect(decision.reasons[0].params).toEqual({ confidence: 0.25 });
      expect(decision.confidence).toBe(0.75);
    });

    it('does not fire for a confident reply', () => {
      expect(rules(decideEscalation(calm({ response: response(0.25, false) })))).toEqual([]);
    });
  });

  describe('out-of-scope', () => {
    it('fires when the category is "other"', () => {
      const decision = decideEscalation(calm({ categorization: categorization({ category: 'other', confidence: 0.66 }) }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['out-of-scope']);
      expect(decision.reasons[0].params).toEqual({});
      expect(decision.level).toBe(1);
      expect(decision.confidence).toBe(0.66);
    });
  });

  describe('stage-failed', () => {
    it('fires and names every failed stage', () => {
      const decision = decideEscalation(calm({ failedStages: ['categorization', 'sentiment'] }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['stage-failed']);
      expect(decision.level).toBe(1);
      expect(decision.reasons[0].detail).toContain('categorization');
      expect(decision.reasons[0].detail).toContain('sentiment');
      expect(decision.reasons[0].params).toEqual({ stages: ['categorization', 'sentiment'] });
    });

    it('still decides when the failed stages left no results behind', () => {
      const decision = decideEscalation({ text: 'where is my parcel', failedStages: ['categorization', 'sentiment', 'rag-response'] });
      expectWellFormed(decision);
      expect(decision).toMatchObject({ escalate: true, level: 1 });
      expect(rules(decision)).toEqual(['stage-failed']);
    });
  });

  describe('combining rules', () => {
    it('takes the highest level of all rules that fired and lists every reason', () => {
      const decision = decideEscalation({
        text: 'I want to speak to a manager, my account was hacked!',
        categorization: categorization({ category: 'other' }, 'urgent', 0.9),
        sentiment: sentiment('negative', -0.9, 0.9),
        response: response(0.1, true),
        failedStages: ['rag-response'],
      });
      expectWellFormed(decision);
      expect(decision.level).toBe(3);
      expect(rules(decision).sort()).toEqual(['human-requested', 'legal-or-security', 'low-response-confidence', 'negative-high-priority', 'out-of-scope', 'stage-failed'].sort());
    });

    it('level-1 rules together stay at level 1', () => {
      const decision = decideEscalation(calm({ sentiment: sentiment('negative', -0.7), response: response(0.2, true), failedStages: ['sentiment'] }));
      expect(decision.level).toBe(1);
      expect(decision.reasons).toHaveLength(3);
    });

    it('a level-2 rule lifts a level-1 rule', () => {
      const decision = decideEscalation(calm({ text: 'Let me talk to a supervisor.', response: response(0.2, true) }));
      expect(decision.level).toBe(2);
      expect(rules(decision)).toEqual(['human-requested', 'low-response-confidence']);
    });

    it('escalation confidence rests on the strongest rule that fired', () => {
      // human-requested (0.95) beats low-response-confidence (1 - 0.9 = 0.1)
      const decision = decideEscalation(calm({ text: 'I need a real person', response: response(0.9, true) }));
      expect(decision.confidence).toBe(0.95);
    });
  });

  describe('confidence when nothing fires', () => {
    it('is the weakest signal that was checked', () => {
      // sentiment 0.8, priority 0.6, response 1 - |0.82 - 0.5| = 0.68 → 0.6
      const decision = decideEscalation(calm({ categorization: categorization({}, 'normal', 0.6) }));
      expect(decision.escalate).toBe(false);
      expect(decision.confidence).toBe(0.6);
    });

    it('is 0.5 with no signals at all', () => {
      const decision = decideEscalation({ text: 'hello', failedStages: [] });
      expectWellFormed(decision);
      expect(decision).toMatchObject({ escalate: false, level: 0, confidence: 0.5 });
    });
  });

  it('keeps confidence in [0, 1] across many combinations', () => {
    for (const label of ['negative', 'neutral', 'positive'] as const) {
      for (const score of [-1, -0.6, 0, 1]) {
        for (const priority of ['low', 'normal', 'high', 'urgent'] as Priority[]) {
          for (const [conf, needsHuman] of [
            [0, true],
            [0.5, true],
            [1, false],
          ] as [number, boolean][]) {
            const decision = decideEscalation({
              text: 'help',
              sentiment: sentiment(label, score, 1),
              categorization: categorization({}, priority, 0),
              response: response(conf, needsHuman),
              failedStages: [],
            });
            expectWellFormed(decision);
          }
        }
      }
    }
  });

  describe('customer and SLA rules', () => {
    it('vip-customer fires for a configured tier only', () => {
      expect(decideEscalation(calm({ customerTier: 'vip' }))).toMatchObject({ level: 1, reasons: [{ rule: 'vip-customer', detail: 'vip customer', params: { tier: 'vip' } }] });
      expect(rules(decideEscalation(calm({ customerTier: 'standard' })))).toEqual([]);
      expect(rules(decideEscalation(calm({ customerTier: null })))).toEqual([]);
    });

    it('repeat-contact fires from the configured number of other tickets', () => {
      expect(rules(decideEscalation(calm({ recentContacts: 1 })))).toEqual([]);
      const decision = decideEscalation(calm({ recentContacts: 2 }));
      expectWellFormed(decision);
      expect(rules(decision)).toEqual(['repeat-contact']);
      expect(decision.reasons[0]).toEqual({ rule: 'repeat-contact', detail: '2 other tickets from this customer in the last 7 days', params: { count: 2, days: 7 } });
    });

    it('sla-at-risk is level 2 and sla-breached level 3, naming the clocks; a breach supersedes its own risk', () => {
      const atRisk = decideEscalation(calm({ sla: { atRisk: ['first_response'], breached: [] } }));
      expect(atRisk).toMatchObject({ escalate: true, level: 2, reasons: [{ rule: 'sla-at-risk', detail: 'first response SLA at risk', params: { metrics: ['first_response'] } }] });
      const breached = decideEscalation(calm({ sla: { atRisk: ['first_response', 'resolution'], breached: ['first_response'] } }));
      expect(breached.level).toBe(3);
      expect(breached.reasons).toEqual([
        { rule: 'sla-breached', detail: 'first response SLA breached', params: { metrics: ['first_response'] } },
        { rule: 'sla-at-risk', detail: 'resolution SLA at risk', params: { metrics: ['resolution'] } },
      ]);
      expect(decideEscalation(calm({ sla: { atRisk: [], breached: ['first_response', 'resolution'] } })).reasons).toEqual([
        { rule: 'sla-breached', detail: 'first response and resolution SLA breached', params: { metrics: ['first_response', 'resolution'] } },
      ]);
    });
  });

  describe('configured rules', () => {
    const configured = (change: (rules: EscalationRules) => void) => {
      const copy = structuredClone(DEFAULT_ESCALATION_RULES);
      change(copy);
      return copy;
    };

    it('level 0 turns a rule off', () => {
      const off = configured((r) => (r['human-requested'].level = 0));
      expect(decideEscalation(calm({ text: 'I want to speak to a human' }), off)).toMatchObject({ escalate: false, level: 0, reasons: [] });
    });

    it('levels and thresholds come from the configuration', () => {
      const strict = configured((r) => {
        r['very-negative'] = { level: 3, score: -0.3 };
        r['negative-high-priority'].urgentLevel = 2;
        r['repeat-contact'].tickets = 5;
        r['vip-customer'].tiers = ['gold', 'platinum'];
      });
      expect(decideEscalation(calm({ sentiment: sentiment('negative', -0.35) }), strict).level).toBe(3);
      expect(decideEscalation(calm({ sentiment: sentiment('negative', -0.55), categorization: categorization({}, 'urgent') }), strict).level).toBe(2);
      expect(rules(decideEscalation(calm({ recentContacts: 4 }), strict))).toEqual([]);
      expect(decideEscalation(calm({ recentContacts: 5 }), strict).reasons[0].params).toEqual({ count: 5, days: 7 });
      expect(decideEscalation(calm({ customerTier: 'gold' }), strict).reasons).toEqual([{ rule: 'vip-customer', detail: 'gold customer', params: { tier: 'gold' } }]);
      expect(rules(decideEscalation(calm({ customerTier: 'vip' }), strict))).toEqual([]);
    });

    it('legal words are whole words or phrases, accents ignored', () => {
      const words = configured((r) => (r['legal-or-security'].words = ['ombudsman', 'protección de datos']));
      expect(rules(decideEscalation(calm({ text: 'I will write to the Ombudsman.' }), words))).toEqual(['legal-or-security']);
      expect(rules(decideEscalation(calm({ text: 'Según la ley de PROTECCION  de datos ...' }), words))).toEqual(['legal-or-security']);
      expect(rules(decideEscalation(calm({ text: 'my lawyer says hello' }), words))).toEqual([]);
    });

    it.each([
      ['de', 'Erstatten Sie mir das Geld heute oder ich rufe meinen Anwalt an.'],
      ['pt', 'Me reembolsem hoje ou vou chamar o meu advogado.'],
      ['zh', '今天必须给我退款，不然我就找律师。'],
      ['ja', '今日返金しないなら弁護士に相談します。'],
      ['es', '¿Tengo que llamar a mi abogado?'],
    ])('finds legal words in %s, with or without spaces around them', (_language, text) => {
      expect(rules(decideEscalation(calm({ text })))).toContain('legal-or-security');
    });

    it('takes a legal word inside a longer word for no legal word, in any alphabet', () => {
      const words = configured((r) => (r['legal-or-security'].words = ['anwalt']));
      expect(rules(decideEscalation(calm({ text: 'Die Anwaltschaft des Hauses ist geschlossen.' }), words))).toEqual([]);
    });
  });
});
