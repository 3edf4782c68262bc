import { BusinessCalendar, WeeklyHours } from './business-calendar';

const HOUR = 3_600_000;
const nineToFive = { start: 9 * 60, end: 17 * 60 };
/** Monday to Friday 09:00-17:00 in Madrid; Christmas off. */
const WEEK: WeeklyHours = { 1: [nineToFive], 2: [nineToFive], 3: [nineToFive], 4: [nineToFive], 5: [nineToFive], 6: [], 7: [] };
const calendar = new BusinessCalendar('Europe/Madrid', WEEK, new Set(['2026-12-25']));
/** Madrid is UTC+1 in winter, UTC+2 in summer. */
const madrid = (local: string, offset = '+01:00') => new Date(`${local}${offset}`);

describe('BusinessCalendar', () => {
  it('counts only business hours between two instants', () => {
    expect(calendar.businessMsBetween(madrid('2026-11-16T10:00:00'), madrid('2026-11-16T12:30:00'))).toBe(2.5 * HOUR);
    // Monday 16:00 → Tuesday 10:00: one hour on Monday, one on Tuesday.
    expect(calendar.businessMsBetween(madrid('2026-11-16T16:00:00'), madrid('2026-11-17T10:00:00'))).toBe(2 * HOUR);
    // Friday 16:00 → Monday 10:00: the weekend does not count.
    expect(calendar.businessMsBetween(madrid('2026-11-20T16:00:00'), madrid('2026-11-23T10:00:00'))).toBe(2 * HOUR);
    // Entirely outside business hours.
    expect(calendar.businessMsBetween(madrid('2026-11-21T09:00:00'), madrid('2026-11-22T18:00:00'))).toBe(0);
    expect(calendar.businessMsBetween(madrid('2026-11-16T12:00:00'), madrid('2026-11-16T11:00:00'))).toBe(0);
  });

  it('adds business time, carrying over closing hours and weekends', () => {
    expect(calendar.addBusinessMs(madrid('2026-11-16T10:00:00'), 2 * HOUR)).toEqual(madrid('2026-11-16T12:00:00'));
    expect(calendar.addBusinessMs(madrid('2026-11-20T16:30:00'), HOUR)).toEqual(madrid('2026-11-23T09:30:00'));
    // Starting before opening counts from the opening.
    expect(calendar.addBusinessMs(madrid('2026-11-16T06:00:00'), 30 * 60_000)).toEqual(madrid('2026-11-16T09:30:00'));
    // Exactly a whole day ends at closing time, not the next morning.
    expect(calendar.addBusinessMs(madrid('2026-11-16T09:00:00'), 8 * HOUR)).toEqual(madrid('2026-11-16T17:00:00'));
    expect(calendar.addBusinessMs(madrid('2026-11-16T10:00:00'), 0)).toEqual(madrid('2026-11-16T10:00:00'));
  });

  it('skips holidays', () => {
    // Thursday 24 December 16:00 + 2 h: one hour that day, Friday 25th is a holiday, then Monday 28th.
    expect(calendar.addBusinessMs(madrid('2026-12-24T16:00:00'), 2 * HOUR)).toEqual(madrid('2026-12-28T10:00:00'));
    expect(calendar.businessMsBetween(madrid('2026-12-25T00:00:00'), madrid('2026-12-26T00:00:00'))).toBe(0);
  });

  it('keeps local opening hours across a daylight-saving change', () => {
    // Madrid moves to summer time on Sunday 29 March 2026: Friday 16:00 (+01) + 2 h = Monday 10:00 (+02).
    expect(calendar.addBusinessMs(madrid('2026-03-27T16:00:00'), 2 * HOUR)).toEqual(madrid('2026-03-30T10:00:00', '+02:00'));
    expect(calendar.businessMsBetween(madrid('2026-03-27T16:00:00'), madrid('2026-03-30T10:00:00', '+02:00'))).toBe(2 * HOUR);
  });

  it('supports split days and days open until midnight', () => {
    const split = new BusinessCalendar('UTC', {
      1: [
        { start: 9 * 60, end: 13 * 60 },
        { start: 14 * 60, end: 24 * 60 },
      ],
    });
    const monday = '2026-11-16';
    expect(split.businessMsBetween(new Date(`${monday}T12:00:00Z`), new Date(`${monday}T15:00:00Z`))).toBe(2 * HOUR);
    expect(split.addBusinessMs(new Date(`${monday}T12:30:00Z`), HOUR)).toEqual(new Date(`${monday}T14:30:00Z`));
    expect(split.addBusinessMs(new Date(`${monday}T23:00:00Z`), 2 * HOUR)).toEqual(new Date('2026-11-23T10:00:00Z'));
  });

  it('is inverse of itself: the business time up to a deadline is what was added', () => {
    const from = madrid('2026-11-18T15:47:12');
    for (const ms of [1, 59_999, HOUR, 7.5 * HOUR, 30 * HOUR, 200 * HOUR]) {
      expect(calendar.businessMsBetween(from, calendar.addBusinessMs(from, ms))).toBe(ms);
    }
  });

  it('works in time zones whose offset is not a whole hour', () => {
    // Kolkata is UTC+05:30: 09:00-17:00 local is 03:30-11:30 UTC.
    const kolkata = new BusinessCalendar('Asia/Kolkata', WEEK);
    expect(kolkata.addBusinessMs(new Date('2026-11-16T03:00:00Z'), HOUR)).toEqual(new Date('2026-11-16T04:30:00Z'));
    expect(kolkata.businessMsBetween(new Date('2026-11-16T11:00:00Z'), new Date('2026-11-16T19:00:00Z'))).toBe(30 * 60_000);
    // Just before and after local midnight (18:29 / 18:31 UTC) are different local days.
    expect(kolkata.addBusinessMs(new Date('2026-11-16T18:29:00Z'), HOUR)).toEqual(new Date('2026-11-17T04:30:00Z'));
    expect(kolkata.addBusinessMs(new Date('2026-11-20T18:31:00Z'), HOUR)).toEqual(new Date('2026-11-23T04:30:00Z'));
  });

  it('refuses an unknown time zone and a week without hours', () => {
    expect(() => new BusinessCalendar('Mars/Olympus', WEEK)).toThrow(/time zone/);
    expect(() => new BusinessCalendar('UTC', { 1: [] })).toThrow(/no business hours/);
  });
});
