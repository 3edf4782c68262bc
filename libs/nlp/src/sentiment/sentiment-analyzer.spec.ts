import { SentimentAnalyzer } from './sentiment-analyzer';

describe('SentimentAnalyzer', () => {
  const analyzer = new SentimentAnalyzer();

  describe('English', () => {
    it('flags an angry ticket with caps, !!! and 😡 as confidently negative', () => {
      const result = analyzer.analyze('This is the THIRD TIME I am writing!!! My order is still not here and your support is USELESS 😡 Fix it or I will file a chargeback.', 'en');
      expect(result.label).toBe('negative');
      expect(result.confidence).toBeGreaterThan(0.7);
      expect(result.source).toBe('rules');
      expect(result.cues).toEqual(expect.arrayContaining(['useless(-3)', '😡(-4)', 'CAPS', 'repeat-contact:third time', 'legal-threat:chargeback']));
      expect(result.signals).toEqual(
        expect.arrayContaining([
          { kind: 'word', text: 'useless', weight: expect.any(Number) },
          { kind: 'emoji', text: '😡', weight: -4 },
          { kind: 'repeat-contact', text: 'third time', weight: -2 },
          { kind: 'legal-threat', text: 'chargeback', weight: -3 },
          { kind: 'emphasis', text: 'CAPS', weight: 0 },
          { kind: 'emphasis', text: '!!!', weight: 0 },
        ]),
      );
    });

    it('flips a negated positive word', () => {
      const result = analyzer.analyze('I am not happy with this service.', 'en');
      expect(result.label).toBe('negative');
      expect(result.cues).toContain('not+happy');
    });

    it('does not treat "not bad" as negative', () => {
      expect(analyzer.analyze('The new update is not bad.', 'en').label).not.toBe('negative');
    });

    it('does not carry negation across a sentence boundary', () => {
      expect(analyzer.analyze('Nobody answers. Unacceptable!', 'en').label).toBe('negative');
      expect(analyzer.analyze('No, it is great.', 'en').label).toBe('positive');
    });

    it('keeps a polite problem report neutral', () => {
      const result = analyzer.analyze("Hello, my order #4521 hasn't arrived yet. Could you please check the delivery status? Thanks.", 'en');
      expect(result.label).toBe('neutral');
    });

    it('reads a bare failure statement as mildly negative, far from the escalation range', () => {
      const result = analyzer.analyze("my order hasn't arrived", 'en');
      expect(result).toMatchObject({ label: 'negative', cues: ["service-failure:hasn't"] });
      expect(result.score).toBeGreaterThan(-0.3);
      expect(result.confidence).toBeLessThan(0.6);
    });

    it('recognises a thankful message as positive', () => {
      const result = analyzer.analyze('Thank you so much, the issue was resolved quickly and your agent was very helpful!', 'en');
      expect(result.label).toBe('positive');
      expect(result.cues).toEqual(expect.arrayContaining(['helpful(2)', 'resolved(2)']));
    });

    it('weights the clause after "but" more heavily', () => {
      expect(analyzer.analyze('The product is great but the delivery was awful', 'en').label).toBe('negative');
    });

    it('scores emoji on their own', () => {
      expect(analyzer.analyze('😍👍', 'en').label).toBe('positive');
    });
  });

  describe('other languages', () => {
    it('flags an angry Spanish ticket', () => {
      const result = analyzer.analyze('Estoy furioso, es la tercera vez que escribo y nadie responde. ¡Inaceptable!', 'es');
      expect(result.label).toBe('negative');
      expect(result.cues).toEqual(expect.arrayContaining(['furioso(-4)', 'repeat-contact:tercera vez']));
    });

    it('keeps a Spanish question neutral', () => {
      const result = analyzer.analyze('Buenas tardes, ¿cómo puedo cambiar la dirección de envío de mi pedido?', 'es');
      expect(result.label).toBe('neutral');
    });

    it.each([
      ['fr', 'Je suis très déçu, le colis est arrivé cassé et personne ne répond.'],
      ['fr', "Bonjour, l'application ne fonctionne pas depuis hier."],
      ['de', 'Ich bin sehr enttäuscht. Das Produkt ist kaputt und der Kundenservice antwortet nicht.'],
      ['pt', 'Péssimo atendimento! O produto chegou quebrado e ninguém responde.'],
      ['pt-BR', 'Não estou satisfeito com o serviço.'],
      ['zh', '我非常生气，这是第三次联系你们了，问题还没有解决！'],
      ['zh', '我不太满意'],
      ['ja', '三回目の問い合わせですが、まだ返事がありません。本当に最悪です。'],
      ['ja', '商品に満足していません。'],
    ])('flags a negative %s ticket: %s', (language, text) => {
      expect(analyzer.analyze(text, language).label).toBe('negative');
    });

    it.each([
      ['de', 'Guten Tag, wie kann ich meine Adresse ändern? Mit freundlichen Grüßen'],
      ['zh', '您好，请问我的快递什么时候到？谢谢'],
    ])('keeps a neutral %s request neutral', (language, text) => {
      expect(analyzer.analyze(text, language).label).toBe('neutral');
    });

    it('falls back to English for unknown languages and ignores region suffixes', () => {
      const english = analyzer.analyze('This is terrible', 'en');
      expect(analyzer.analyze('This is terrible', 'xx')).toEqual(english);
      expect(analyzer.analyze('This is terrible', 'EN-us')).toEqual(english);
      expect(english.label).toBe('negative');
      expect(english.cues).toEqual(['terrible(-3)']);
    });
  });

  describe.each([
    ['en', 'The support was helpful', 'The support was very helpful', 'The support was not helpful'],
    ['es', 'El servicio es bueno', 'El servicio es muy bueno', 'El servicio no es bueno'],
    ['fr', 'Le service est bon', 'Le service est très bon', "Le service n'est pas bon"],
    ['de', 'Der Service ist gut', 'Der Service ist sehr gut', 'Der Service ist nicht gut'],
    ['pt', 'O atendimento é bom', 'O atendimento é muito bom', 'O atendimento não é bom'],
    ['zh', '服务很满意', '服务非常满意', '服务不满意'],
    ['ja', '対応に満足しています', '対応にとても満足しています', '対応に満足していません'],
  ])('lexicon rules in %s', (language, praise, intensified, negated) => {
    it('reads praise as positive, an intensifier as stronger praise, and negated praise as negative', () => {
      const plain = analyzer.analyze(praise, language);
      expect(plain.label).toBe('positive');
      expect(analyzer.analyze(intensified, language).score).toBeGreaterThan(plain.score);
      expect(analyzer.analyze(negated, language).label).toBe('negative');
    });

    it('adds emphasis from "!!!" and emoji', () => {
      const excited = analyzer.analyze(`${praise}!!! 😍`, language);
      expect(excited.score).toBeGreaterThan(analyzer.analyze(praise, language).score);
      expect(excited.signals).toEqual(
        expect.arrayContaining([
          { kind: 'emphasis', text: '!!!', weight: 0 },
          { kind: 'emoji', text: '😍', weight: 3 },
        ]),
      );
    });
  });

  describe('sarcasm and mixed feelings', () => {
    it('does not take praise in a sarcastic sentence at face value', () => {
      const result = analyzer.analyze('Thanks for nothing. Great job losing my parcel again.', 'en');
      expect(result.label).toBe('negative');
      expect(result.signals.some((signal) => signal.kind === 'word' && signal.weight > 0)).toBe(false);
    });

    it('lets blame outweigh polite praise', () => {
      expect(analyzer.analyze('Your agent was nice, but I have been waiting three weeks for my refund.', 'en').label).toBe('negative');
    });

    it('keeps a thank-you for a solved problem positive in every language', () => {
      for (const [language, text] of [
        ['en', 'Problem solved, thank you so much!'],
        ['fr', 'Problème résolu, merci beaucoup !'],
        ['pt', 'Problema resolvido, muito obrigado!'],
        ['ja', '問題が解決しました。ありがとうございました！'],
      ]) {
        expect(analyzer.analyze(text, language).label).toBe('positive');
      }
    });
  });

  describe('output bounds', () => {
    it.each(['', '😡'.repeat(200), '😍 amazing wonderful perfect '.repeat(50), 'TERRIBLE AWFUL HORRIBLE!!!!!!!!! never again, lawyer, chargeback, unacceptable', '?!?!'])(
      'keeps score, confidence and cues in range for %#',
      (text) => {
        const result = analyzer.analyze(text, 'en');
        expect(result.score).toBeGreaterThanOrEqual(-1);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.confidence).toBeGreaterThanOrEqual(0.05);
        expect(result.confidence).toBeLessThanOrEqual(0.99);
        expect(result.cues.length).toBeLessThanOrEqual(8);
      },
    );
  });
});
