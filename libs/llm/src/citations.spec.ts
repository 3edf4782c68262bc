import { checkCitations } from './citations';

describe('checkCitations', () => {
  it('keeps citations of sources that exist, in order of first use', () => {
    expect(checkCitations('Reset it [2]. Then sign in [1][2].', 2)).toEqual({ text: 'Reset it [2]. Then sign in [1][2].', cited: [2, 1], dropped: [] });
  });

  it('removes citations of sources it was not given', () => {
    expect(checkCitations('Refunds take 5 days [1]. You get a voucher [7].', 2)).toEqual({ text: 'Refunds take 5 days [1]. You get a voucher.', cited: [1], dropped: [7] });
  });

  it('filters inside a group and drops [0]', () => {
    expect(checkCitations('Both say so [0, 1, 3].', 2)).toEqual({ text: 'Both say so [1].', cited: [1], dropped: [0, 3] });
  });

  it('reports no citations for an answer that cites nothing real', () => {
    expect(checkCitations('Trust me [4].', 3)).toMatchObject({ cited: [], dropped: [4] });
    expect(checkCitations('No citations at all.', 3)).toMatchObject({ cited: [], dropped: [] });
  });
});
