import { messagesInPrompt } from './thread-summary';

describe('messagesInPrompt', () => {
  it('keeps a thread of up to 40 messages whole', () => {
    const thread = Array.from({ length: 40 }, (_, i) => i);
    expect(messagesInPrompt(thread)).toEqual(thread);
  });

  it('keeps the first message (the problem) and the latest 39 of a longer thread', () => {
    const kept = messagesInPrompt(Array.from({ length: 100 }, (_, i) => i));
    expect(kept).toHaveLength(40);
    expect(kept[0]).toBe(0);
    expect(kept[1]).toBe(61);
    expect(kept.at(-1)).toBe(99);
  });
});
