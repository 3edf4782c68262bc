import { learnSentiment, missingSentimentExamples, SentimentExample } from './sentiment-learning';
import { TrainedSentimentModel } from './trained-sentiment';

/** A team whose customers call a late "token" refund negative: words the lexicon has no polarity for. */
function teamExamples(): SentimentExample[] {
  const rows: SentimentExample[] = [];
  for (let i = 0; i < 30; i++) {
    rows.push({ text: `Token refund ${i} still pending after the outage window, ticket ${i}`, label: 'negative', language: 'en' });
    rows.push({ text: `Question ${i} about the invoice address format for order ${i}`, label: 'neutral', language: 'en' });
    rows.push({ text: `Thanks so much, order ${i} arrived and everything works great`, label: 'positive', language: 'en' });
  }
  return rows;
}

describe('learnSentiment', () => {
  it('learns the team vocabulary, measures it on a hold-out, and survives a round trip through its buffer', () => {
    const { model, metrics } = learnSentiment(teamExamples());
    expect(metrics).toMatchObject({ examples: 90, holdoutExamples: 9, holdoutAccuracy: 1, holdoutNegativeRecall: 1 });
    const restored = TrainedSentimentModel.fromBuffer(model.toBuffer());
    const result = restored.analyze('My token refund is still pending', 'en');
    expect(result).toMatchObject({ label: 'negative', source: 'model' });
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.explanation.join(' ')).toMatch(/token|pending|refund/);
    expect(restored.labels).toEqual(model.labels);
  });

  it('names the labels that still lack examples', () => {
    expect(missingSentimentExamples(teamExamples(), 20)).toEqual({});
    expect(
      missingSentimentExamples(
        teamExamples()
          .filter((row) => row.label !== 'neutral')
          .slice(0, 50),
        20,
      ),
    ).toEqual({ neutral: 0 });
  });
});
