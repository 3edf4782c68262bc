import { normalizeForSentiment, splitSentences } from './sentiment-text';

describe('sentiment text', () => {
  it('drops handles, URLs and e-mail addresses, splits camel-case hashtags, and straightens apostrophes', () => {
    expect(normalizeForSentiment('@united it’s https://t.co/x #NeverAgain (mail me: ana@example.com)')).toBe(" it's Never Again (mail me: )");
  });

  it('splits sentences at end punctuation followed by a space, at CJK stops and at line breaks', () => {
    expect(splitSentences('Version 5.2.1 crashes. Why?! Fix it\nThanks')).toEqual(['Version 5.2.1 crashes.', 'Why?!', 'Fix it', 'Thanks']);
    expect(splitSentences('还没到。太慢了！')).toEqual(['还没到。', '太慢了！']);
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
