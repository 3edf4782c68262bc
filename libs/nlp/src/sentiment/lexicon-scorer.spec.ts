import { LexiconScorer, ModifierSpec } from './lexicon-scorer';
import { splitSentences } from './sentiment-text';

const SPEC: ModifierSpec = {
  negations: ['not', "isn't"],
  intensifiers: { very: 1.5 },
  contrast: ['but'],
  gratitude: ['thanks'],
  requests: ['please'],
  irrealis: ['would', 'if'],
  resolutions: ['solved', 'gone'],
};
const LEXICON = { great: 3, helpful: 2, thanks: 2, problem: -1, late: -1, awful: -3, fail: -2, 'not working': -2 };
const scorer = new LexiconScorer(LEXICON, SPEC, true, new Map([['😡', -4]]));
const score = (text: string, context = { sarcastic: new Set<number>(), complaining: false }) => scorer.score(splitSentences(text), context);
const weights = (text: string) => Object.fromEntries(score(text).evidence.map((item) => [item.text, item.weight]));

describe('LexiconScorer', () => {
  it('scores words, phrases, negation, intensifiers and emoji', () => {
    expect(weights('The agent was very helpful')).toEqual({ helpful: 3 });
    expect(weights('The agent was not helpful')).toEqual({ 'not helpful': -1.48 });
    expect(weights('The app is not working 😡')).toEqual({ 'not working': -2, '😡': -4 });
  });

  it('weighs the words after "but" more within the sentence only', () => {
    // Praise next to blame is also halved: 3 × 0.5 (before "but") × 0.5.
    expect(weights('The product is great but the delivery was late')).toEqual({ great: 0.75, late: -1.5 });
    expect(weights('The product is great. But the delivery was late')).toEqual({ great: 1.5, late: -1.5 });
  });

  it('tells the topic (failure words, negated praise) from feelings and insults (-3 and lower, negative emoji), and from praise', () => {
    expect(score('The app is not working and the sync will fail. Awful 😡')).toMatchObject({ topic: -4, feeling: -7, praise: 0 });
    const mixed = score('The agent was not helpful, the parcel is late. Thanks');
    expect(mixed.topic).toBeCloseTo(-2.48);
    expect(mixed).toMatchObject({ feeling: 0, praise: 0.5 });
  });

  it('amplifies a shouted sentiment word, and reports shouting of other words', () => {
    expect(score('The service is AWFUL').evidence.map((item) => item.cue)).toEqual(['awful(-3)', 'CAPS']);
    expect(score('It has been FOUR HOURS since I called').shouting).toBe(true);
    expect(score('Please attach the JSON file').shouting).toBe(false);
  });

  it('counts thanks as praise alone, as courtesy in a request or a complaint', () => {
    expect(weights('Thanks, all sorted')).toEqual({ thanks: 2 });
    expect(weights('Please check my order. Thanks')).toEqual({ thanks: 0.5 });
    expect(weights('Can you check my order? Thanks')).toEqual({ thanks: 0.5 });
    expect(weights('The delivery was late. Thanks')).toEqual({ late: -1, thanks: 0.5 });
  });

  it('does not believe praise in a question, a wish, a sarcastic sentence, and halves it next to blame', () => {
    expect(weights('What is a great number to call?')).toEqual({});
    expect(weights('An update would be great')).toEqual({});
    expect(weights('If the agent had been helpful, fine')).toEqual({});
    expect(score('Great, late again', { sarcastic: new Set([0]), complaining: true }).evidence.map((item) => item.text)).toEqual(['late']);
    expect(weights('The agent was helpful. The delivery was awful')).toEqual({ helpful: 1, awful: -3 });
  });

  it('drops a problem that the same clause calls solved', () => {
    expect(weights('Problem solved, great')).toEqual({ great: 3 });
    expect(weights('The problem is gone')).toEqual({});
    expect(weights("The problem isn't solved")).toEqual({ problem: -1 });
  });

  it('reads glued hashtags by their lexicon prefix or suffix, negated by a glued negator', () => {
    expect(weights('#epicfail')).toEqual({ '#epicfail': -2 });
    expect(weights('#nothelpful')).toEqual({ '#nothelpful': -1.48 });
    expect(weights('#helpfulteam')).toEqual({ '#helpfulteam': 2 });
    // Praise needs five letters: "#regreat" would be, "#okfail" is blame, "#neveragain" is nothing.
    expect(weights('#neveragain')).toEqual({});
  });

  it('counts exclamation marks', () => {
    expect(score('Awful!!! Really!').exclamations).toBe(4);
  });
});
