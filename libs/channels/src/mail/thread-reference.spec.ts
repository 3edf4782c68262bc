import { messageIds, threadSubject, ticketNumberInSubject } from './thread-reference';

describe('thread references', () => {
  it('finds the ticket number in a subject', () => {
    expect(ticketNumberInSubject('Re: Parcel late [#1234]')).toBe(1234);
    expect(ticketNumberInSubject('Order #1234')).toBeNull();
  });

  it('gives mail about a ticket one reply subject with its reference, however often it is answered', () => {
    expect(threadSubject('Parcel late', 12)).toBe('Re: Parcel late [#12]');
    expect(threadSubject('RE: Fwd: Parcel late [#12]', 12)).toBe('Re: Parcel late [#12]');
  });

  it('reads Message-IDs from References and In-Reply-To values', () => {
    expect(messageIds('<a@x> <b@y>')).toEqual(['a@x', 'b@y']);
    expect(messageIds(['<a@x>', '<b@y>'])).toEqual(['a@x', 'b@y']);
    expect(messageIds(undefined)).toEqual([]);
  });
});
