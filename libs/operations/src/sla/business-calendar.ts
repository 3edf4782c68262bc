import { DateTime } from 'luxon';

/** One stretch of business hours within a day, in minutes after local midnight (end may be 1440). */
export interface BusinessWindow {
  start: number;
  end: number;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → that day's business windows, in order. */
export type WeeklyHours = Record<number, BusinessWindow[]>;

/** How far ahead a search may look for business time before concluding the calendar has none. */
const MAX_DAYS = 3 * 366;
/** Days (and quarter hours) remembered: resolving wall times in a time zone is the costly part. */
const CACHED_DAYS = 4096;
const CACHED_QUARTERS = 96 * CACHED_DAYS;
/** Every UTC offset in use is a whole number of quarter hours, so no UTC quarter hour spans a local midnight. */
const QUARTER_HOUR = 15 * 60_000;

interface Day {
  windows: [number, number][];
  /** Epoch milliseconds of the next local midnight. */
  next: number;
}

/**
 * Business hours in one time zone, with holidays: what SLA clocks count. Local wall times are resolved per
 * day, so a daylight-saving change moves the instants, not the opening hours.
 */
export class BusinessCalendar {
  private readonly days = new Map<number, Day>();
  private readonly midnights = new Map<number, number>();

  constructor(
    readonly timezone: string,
    private readonly week: WeeklyHours,
    /** Local dates (yyyy-mm-dd) with no business hours. */
    private readonly holidays: ReadonlySet<string> = new Set(),
  ) {
    if (!DateTime.local().setZone(timezone).isValid) throw new Error(`unknown time zone '${timezone}'`);
    if (!Object.values(week).some((windows) => windows.length > 0)) throw new Error('the calendar has no business hours on any day');
  }

  /** Business milliseconds in [from, to). */
  businessMsBetween(from: Date, to: Date): number {
    let total = 0;
    for (const [start, end] of this.windowsFrom(from)) {
      if (start >= to.getTime()) break;
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
    }
    return total;
  }

  /** The instant at which `ms` business milliseconds have passed since `from`. */
  addBusinessMs(from: Date, ms: number): Date {
    let remaining = ms;
    if (remaining <= 0) return from;
    for (const [windowStart, end] of this.windowsFrom(from)) {
      const start = Math.max(windowStart, from.getTime());
      if (start >= end) continue;
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
    }
    throw new Error(`no business hours within ${MAX_DAYS} days of ${from.toISOString()}`);
  }

  /** Business windows as [start, end) epoch milliseconds, from the local day of `from` on. */
  private *windowsFrom(from: Date): Generator<[number, number]> {
    let start = this.midnightBefore(from.getTime());
    for (let i = 0; i < MAX_DAYS; i++) {
      const day = this.day(start);
      yield* day.windows;
      start = day.next;
    }
  }

  /** Epoch ms of the local midnight that starts the day of `instant`. */
  private midnightBefore(instant: number): number {
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let midnight = this.midnights.get(quarter);
    if (midnight === undefined) {
      midnight = DateTime.fromMillis(instant, { zone: this.timezone }).startOf('day').toMillis();
      if (this.midnights.size >= CACHED_QUARTERS) this.midnights.clear();
      this.midnights.set(quarter, midnight);
    }
    return midnight;
  }

  /** The windows of the local day starting at `start` (epoch ms of its midnight). */
  private day(start: number): Day {
    let day = this.days.get(start);
    if (!day) {
      const midnight = DateTime.fromMillis(start, { zone: this.timezone });
      const windows = this.holidays.has(midnight.toISODate()!)
        ? []
        : (this.week[midnight.weekday] ?? []).map((window): [number, number] => [this.at(midnight, window.start), this.at(midnight, window.end)]);
      day = { windows, next: midnight.plus({ days: 1 }).startOf('day').toMillis() };
      if (this.days.size >= CACHED_DAYS) this.days.clear();
      this.days.set(start, day);
    }
    return day;
  }

  /** The instant of a local wall time, `minutes` after midnight of `day` (1440: the next midnight). */
  private at(day: DateTime, minutes: number): number {
    if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
    return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  }
}
