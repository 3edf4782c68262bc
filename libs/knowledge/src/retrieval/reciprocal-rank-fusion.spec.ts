import { reciprocalRankFusion, RRF_K } from './reciprocal-rank-fusion';

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the rankings a document appears in', () => {
    const fused = reciprocalRankFusion([{ ids: ['a', 'b', 'c'] }, { ids: ['b', 'd'] }]);
    expect(fused.get('a')).toBeCloseTo(1 / (RRF_K + 1));
    expect(fused.get('b')).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
    expect(fused.get('c')).toBeCloseTo(1 / (RRF_K + 3));
    expect(fused.get('d')).toBeCloseTo(1 / (RRF_K + 2));
  });

  it('ranks a document found by both rankings above one found high by only one', () => {
    const fused = reciprocalRankFusion([{ ids: ['dense-only', 'both'] }, { ids: ['lexical-only', 'both'] }]);
    const order = [...fused].sort((x, y) => y[1] - x[1]).map(([id]) => id);
    expect(order[0]).toBe('both');
  });

  it('applies ranking weights and its k', () => {
    const fused = reciprocalRankFusion([{ ids: ['a'], weight: 2 }, { ids: ['b'] }], 10);
    expect(fused.get('a')).toBeCloseTo(2 / 11);
    expect(fused.get('b')).toBeCloseTo(1 / 11);
  });

  it('is empty for empty rankings', () => {
    expect(reciprocalRankFusion([{ ids: [] }, { ids: [] }]).size).toBe(0);
  });
});
