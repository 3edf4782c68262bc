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
});
