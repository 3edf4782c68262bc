import { packModel, unpackModel } from '../classify/model-buffer';
import { readableShare } from '../language/cross-lingual/english-pivot';
import { TrainedClassifier } from './trained-classifier';

/** Two intents told apart by function words alone: "how do I ..." and "where is ...". */
function examples(perLabel: number) {
  return Array.from({ length: perLabel }, (_, i) => [
    { text: `how do I thing${i}`, label: 'how_to' },
    { text: `where is item${i}`, label: 'where_is' },
  ]).flat();
}

describe('TrainedClassifier', () => {
  it('wants a content word behind a label learned from few examples, not behind one learned from many', () => {
    const few = TrainedClassifier.train(examples(6), { holdoutFraction: 0.01 }).classifier;
    expect(few.predict('how do I').outOfScopeReason).toMatch(/no word of the text supports how_to/);
    const many = TrainedClassifier.train(examples(40), { holdoutFraction: 0.01 }).classifier;
    expect(many.predict('how do I').label).toBe('how_to');
    expect(TrainedClassifier.fromBuffer(many.toBuffer()).predict('how do I')).toEqual(many.predict('how do I'));
  });

  it('lowers the "nothing fits" threshold for a text in another language by the share of its words the lexicon reads', () => {
    const topics: Record<string, string[]> = {
      refund: ['I want a refund for my order', 'please refund the money', 'refund not received yet', 'when will I get my refund', 'money back for the return', 'refund my payment please'],
      password: ['I forgot my password', 'reset my password please', 'password reset link does not work', 'cannot change my password', 'new password not accepted', 'password expired'],
      parcel: ['my parcel is late', 'the package has not arrived', 'where is my parcel', 'tracking shows no delivery', 'parcel lost in delivery', 'package delayed again'],
      invoice: ['I need an invoice', 'invoice is wrong', 'send me the invoice again', 'invoice address is wrong', 'the invoice total is wrong', 'download my invoice'],
    };
    const trained = TrainedClassifier.train(
      Object.entries(topics).flatMap(([label, texts]) => texts.map((text) => ({ text, label }))),
      { holdoutFraction: 0.01 },
    ).classifier;
    // As if calibration had set a strict bar: between the German text's best probability and twice that.
    const { header, body } = unpackModel<{ format: number; threshold: number }>(trained.toBuffer(), 1);
    const classifier = TrainedClassifier.fromBuffer(packModel({ ...header, threshold: 0.6 }, body));
    // Four topic words the lexicon reads, four names it does not: half the text reaches the model.
    const german = 'Rückerstattung Passwort Paket Rechnung Müller Schmidt Wagner Becker';
    const english = 'refund password parcel invoice bicycle flat garden kitchen';
    expect(readableShare(german)).toBe(0.5);
    expect(readableShare(english)).toBe(1);

    const read = classifier.predict(german);
    expect(read.confidence).toBeGreaterThan(0.3);
    expect(read.confidence).toBeLessThan(0.6);
    expect(read.label).toBe('refund');
    const unsure = classifier.predict(english);
    expect(unsure.label).toBe('other');
    expect(unsure.outOfScopeReason).toMatch(/threshold 0.6\)/);
  });
});
