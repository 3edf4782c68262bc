import type { KbArticleEntity } from '@smartdesk/database';
import type { KnowledgeHit } from './knowledge-hits';
import { REPLY_PHRASES } from './reply-phrases';
import { composeReply, retrievalConfidence } from './response-composer';

const TRACKING_BODY = [
  'You can follow your package from our warehouse to your door using the tracking link.',
  '',
  '## Steps',
  '',
  '1. Sign in and go to **Account › Orders**, then select the order you want to check.',
  '2. Click **Track** to open the latest status.',
  '3. Wait 24 hours after a "Delivered" scan before reporting it missing.',
  '',
  '## When to contact us',
  '',
  'Get in touch if your tracking has not updated for more than 5 business days.',
].join('\n');

const NO_STEPS_BODY = ['Refunds reach your card within 5–10 business days after we receive the return.', '', 'Banks sometimes take a little longer to show the credit on your statement.'].join('\n');

function article(id: string, title: string, body: string, overrides: Partial<KbArticleEntity> = {}): KbArticleEntity {
  return {
    id,
    path: `kb/${id}.md`,
    title,
    body,
    category: id.split('/')[0],
    language: 'en',
    ...overrides,
  } as KbArticleEntity;
}

const tracking = article('shipping/track-your-order', 'Where is my order? Tracking a shipment', TRACKING_BODY);
const delayed = article('shipping/delayed-delivery', 'My delivery is late', 'Deliveries can be delayed by weather or courier backlogs.\n\n1. Check the tracking page.');
const refunds = article('returns_refunds/refund-timelines', 'How long refunds take', NO_STEPS_BODY);

const hit = (a: KbArticleEntity, score: number): KnowledgeHit => ({ kind: 'article', article: a, score, fusedScore: score });
const context = (language = 'en') => ({ customerName: 'Ana García López', subject: 'Where is my parcel?', language });

describe('retrievalConfidence', () => {
  it('is 0 with no hits', () => {
    expect(retrievalConfidence([])).toBe(0);
  });

  it('is 0 at or below the similarity floor', () => {
    expect(retrievalConfidence([hit(tracking, 0.1)])).toBe(0);
    expect(retrievalConfidence([hit(tracking, 0.02)])).toBe(0);
  });

  it('grows with the best score and tops out at 1 for a clear, strong match', () => {
    const scores = [0.15, 0.2, 0.3, 0.4, 0.45];
    const confidences = scores.map((score) => retrievalConfidence([hit(tracking, score)]));
    for (let i = 1; i < confidences.length; i++) expect(confidences[i]).toBeGreaterThan(confidences[i - 1]);
    expect(retrievalConfidence([hit(tracking, 0.45)])).toBe(1);
    expect(retrievalConfidence([hit(tracking, 0.9)])).toBe(1);
  });

  it('is lower when the runner-up is close (ambiguous question)', () => {
    const clear = retrievalConfidence([hit(tracking, 0.4), hit(delayed, 0.2)]);
    const close = retrievalConfidence([hit(tracking, 0.4), hit(delayed, 0.39)]);
    const tie = retrievalConfidence([hit(tracking, 0.4), hit(delayed, 0.4)]);
    expect(close).toBeLessThan(clear);
    expect(tie).toBeLessThan(close);
    // A tie keeps three quarters of the strength.
    expect(tie).toBeCloseTo(0.75 * retrievalConfidence([hit(tracking, 0.4)]), 2);
  });

  it('stays within [0, 1]', () => {
    for (const best of [0, 0.05, 0.1, 0.2, 0.45, 1]) {
      for (const second of [0, best / 2, best]) {
        const value = retrievalConfidence([hit(tracking, best), hit(delayed, second)]);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('composeReply', () => {
  const strong = [hit(tracking, 0.5), hit(delayed, 0.2)];

  it('quotes the best article’s numbered steps verbatim and in order', () => {
    const reply = composeReply(context(), strong, 0.4);
    expect(reply.needsHuman).toBe(false);
    const lines = reply.body.split('\n');
    const first = lines.indexOf('1. Sign in and go to **Account › Orders**, then select the order you want to check.');
    expect(first).toBeGreaterThan(-1);
    expect(lines[first + 1]).toBe('2. Click **Track** to open the latest status.');
    expect(lines[first + 2]).toBe('3. Wait 24 hours after a "Delivered" scan before reporting it missing.');
    expect(lines[first - 1]).toBe(REPLY_PHRASES.en.steps);
    // Only the best article is quoted.
    expect(reply.body).not.toContain('Check the tracking page.');
  });

  it('greets the customer by first name and thanks them for the subject', () => {
    const reply = composeReply(context(), strong, 0.4);
    expect(reply.body.startsWith('Hi Ana,\n')).toBe(true);
    expect(reply.body).toContain('"Where is my parcel?"');
    expect(reply.body).not.toContain('García');
  });

  it('cites the source article by title and path', () => {
    const reply = composeReply(context(), strong, 0.4);
    expect(reply.body).toContain('More details: Where is my order? Tracking a shipment [kb/shipping/track-your-order.md]');
    expect(reply.body).not.toContain('kb/shipping/delayed-delivery.md');
  });

  it('lists every hit as a source with its rounded score', () => {
    const reply = composeReply(context(), [hit(tracking, 0.51234), hit(delayed, 0.2), hit(refunds, 0.1)], 0.4);
    expect(reply.sources).toEqual([
      { kind: 'article', articleId: 'shipping/track-your-order', title: 'Where is my order? Tracking a shipment', path: 'kb/shipping/track-your-order.md', score: 0.512 },
      { kind: 'article', articleId: 'shipping/delayed-delivery', title: 'My delivery is late', path: 'kb/shipping/delayed-delivery.md', score: 0.2 },
      { kind: 'article', articleId: 'returns_refunds/refund-timelines', title: 'How long refunds take', path: 'kb/returns_refunds/refund-timelines.md', score: 0.1 },
    ]);
  });

  it('reports the retrieval confidence, language and rule source', () => {
    const reply = composeReply(context('en'), strong, 0.4);
    expect(reply.confidence).toBe(retrievalConfidence(strong));
    expect(reply.language).toBe('en');
    expect(reply.source).toBe('rules');
  });

  it('quotes the summary paragraph when the article has no numbered steps', () => {
    const reply = composeReply(context(), [hit(refunds, 0.5)], 0.4);
    expect(reply.needsHuman).toBe(false);
    expect(reply.body).toContain('Refunds reach your card within 5–10 business days after we receive the return.');
    expect(reply.body).not.toContain(REPLY_PHRASES.en.steps);
    expect(reply.body).not.toMatch(/^1\. /m);
    expect(reply.body).toContain('[kb/returns_refunds/refund-timelines.md]');
  });

  it.each([
    ['es', 'Hola Ana:', 'Esto debería ayudarte:', 'Más información:', 'Un saludo,'],
    ['fr', 'Bonjour Ana,', 'Voici ce qui devrait vous aider :', 'Plus de détails:', 'Bien cordialement,'],
    ['de', 'Hallo Ana,', 'Das sollte helfen:', 'Weitere Details:', 'Viele Grüße'],
    ['pt', 'Olá Ana,', 'Isto deve ajudar:', 'Mais detalhes:', 'Com os melhores cumprimentos,'],
    ['zh', 'Ana，您好：', '以下步骤应该能帮到您：', '更多详情:', '此致'],
    ['ja', 'Ana 様', '以下の手順をお試しください：', '詳細:', 'よろしくお願いいたします。'],
  ])('writes greeting, steps intro, source label and closing in %s', (language, greeting, steps, source, closing) => {
    const reply = composeReply(context(language), strong, 0.4);
    expect(reply.language).toBe(language);
    expect(reply.body.split('\n')[0]).toBe(greeting);
    expect(reply.body).toContain(steps);
    expect(reply.body).toContain(`${source} Where is my order? Tracking a shipment [kb/shipping/track-your-order.md]`);
    expect(reply.body).toContain(closing);
    expect(reply.body).not.toContain('Best regards');
    // The steps stay verbatim whatever the language.
    expect(reply.body).toContain('2. Click **Track** to open the latest status.');
  });

  it.each([
    ['de', 'Diese Schritte stammen aus unserem Artikel auf Englisch'],
    ['zh', '以下步骤摘自我们的英语文章'],
    ['ja', '以下の手順は英語の記事からの引用です'],
  ])('says in %s that the quoted steps come from an article in another language', (language, note) => {
    const reply = composeReply(context(language), strong, 0.4);
    expect(reply.body).toContain(note);
    expect(reply.body.indexOf(note)).toBeLessThan(reply.body.indexOf('2. Click **Track**'));
  });

  it('judges evidence against what retrieval could read: a ticket read in half needs half the similarity', () => {
    const hits = [{ score: 0.27 }];
    expect(retrievalConfidence(hits)).toBeLessThan(0.6);
    expect(retrievalConfidence(hits, 0.5)).toBeGreaterThan(0.95);
    expect(retrievalConfidence(hits, 0.1)).toBe(retrievalConfidence(hits, 0.5));
  });

  it('adds no note when the article is in the customer’s language', () => {
    expect(composeReply(context('en'), strong, 0.4).body).not.toContain(REPLY_PHRASES.en.otherLanguage('en').slice(0, 20));
  });

  it('falls back to English for a language it has no phrases for', () => {
    const reply = composeReply(context('sv'), strong, 0.4);
    expect(reply.body.split('\n')[0]).toBe('Hi Ana,');
    expect(reply.body).toContain('Best regards,\nThe support team');
    expect(reply.language).toBe('sv');
  });

  it('hands over to a human below the confidence threshold and quotes no steps', () => {
    const weak = [hit(tracking, 0.15), hit(delayed, 0.14)];
    const reply = composeReply(context(), weak, 0.4);
    expect(reply.confidence).toBeLessThan(0.4);
    expect(reply.needsHuman).toBe(true);
    expect(reply.body).toContain(REPLY_PHRASES.en.handover);
    expect(reply.body).not.toContain(REPLY_PHRASES.en.steps);
    expect(reply.body).not.toMatch(/^\d+\. /m);
    expect(reply.body).not.toContain('Sign in and go to');
    expect(reply.body).not.toContain('[kb/shipping/track-your-order.md]');
    // The evidence is still shown to the agent.
    expect(reply.sources.map((source) => source.kind === 'article' && source.articleId)).toEqual(['shipping/track-your-order', 'shipping/delayed-delivery']);
  });

  it('hands over in the customer’s language', () => {
    const reply = composeReply(context('es'), [], 0.4);
    expect(reply.needsHuman).toBe(true);
    expect(reply.confidence).toBe(0);
    expect(reply.body).toContain(REPLY_PHRASES.es.handover);
    expect(reply.sources).toEqual([]);
  });

  it('switches between answering and handing over exactly at the threshold', () => {
    const hits = [hit(tracking, 0.3)];
    const confidence = retrievalConfidence(hits);
    expect(composeReply(context(), hits, confidence).needsHuman).toBe(false);
    expect(composeReply(context(), hits, confidence + 0.001).needsHuman).toBe(true);
  });
});

describe('composeReply with solved tickets', () => {
  const solved = (score: number, number = 42): KnowledgeHit => ({
    kind: 'ticket',
    score,
    ticket: { id: `t-${number}`, number, subject: 'Parcel stuck at the depot', resolution: 'Asked the courier to release it.\nIt arrived the next day.', category: 'shipping', language: 'en' },
  });

  it("quotes the best source's resolution from its ticket number, and still points to the best article", () => {
    const reply = composeReply(context(), [solved(0.5), hit(tracking, 0.3)], 0.4);
    expect(reply.needsHuman).toBe(false);
    expect(reply.body).toContain('A similar request was solved this way (from ticket #42):\n> Asked the courier to release it.\n> It arrived the next day.');
    expect(reply.body).toContain('More details: Where is my order? Tracking a shipment [kb/shipping/track-your-order.md]');
    expect(reply.body).not.toContain('Sign in and go to');
    expect(reply.sources[0]).toEqual({ kind: 'ticket', ticketId: 't-42', number: 42, title: 'Parcel stuck at the depot', score: 0.5 });
  });

  it('says where the resolution comes from in the customer’s language', () => {
    expect(composeReply(context('es'), [solved(0.5, 7)], 0.4).body).toContain(REPLY_PHRASES.es.solvedBefore('#7'));
  });

  it('quotes the article, not the ticket, when the article is the best source', () => {
    const reply = composeReply(context(), [hit(tracking, 0.5), solved(0.2)], 0.4);
    expect(reply.body).toContain('2. Click **Track** to open the latest status.');
    expect(reply.body).not.toContain('Asked the courier');
  });
});

describe('composeReply quoting what the customer typed (finding #11)', () => {
  it('repeats the subject and name as plain text, without tags and with card data masked', () => {
    const typed = { customerName: '<img src=x onerror=alert(1)>Ana', subject: '<script>alert(1)</script>Charged twice on card 4111 1111 1111 1111', language: 'en' };
    const reply = composeReply(typed, [hit(tracking, 0.5)], 0.4);
    expect(reply.body).not.toMatch(/<[A-Za-z/!?]/);
    expect(reply.body).not.toContain('4111 1111');
    expect(reply.body).toContain('Hi Ana,');
    expect(reply.body).toContain('"alert(1)Charged twice on card [card ••••1111]"');
  });
});
