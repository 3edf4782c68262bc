import { nextSuggestionUse } from './suggestion-use';

describe('nextSuggestionUse', () => {
  it('records how the reply used the suggestion', () => {
    expect(nextSuggestionUse(null, 'accepted', true)).toBe('accepted');
    expect(nextSuggestionUse(null, 'edited', true)).toBe('edited');
  });

  it('a reply from scratch ignores an offered suggestion, and changes nothing when none was offered', () => {
    expect(nextSuggestionUse(null, null, true)).toBe('ignored');
    expect(nextSuggestionUse(null, null, false)).toBeNull();
  });

  it('keeps the most any reply made of a suggestion', () => {
    expect(nextSuggestionUse('ignored', 'edited', true)).toBe('edited');
    expect(nextSuggestionUse('edited', 'accepted', true)).toBe('accepted');
    expect(nextSuggestionUse('accepted', 'edited', true)).toBe('accepted');
    expect(nextSuggestionUse('edited', null, true)).toBe('edited');
  });
});
