import { join } from 'node:path';
import { loadSlaConfig, parseSlaConfig } from './sla-config';

const valid = () => ({
  calendar: { timezone: 'Europe/Madrid', hours: { monday: '09:00-17:00', tuesday: ['09:00-13:00', '14:00-18:00'] }, holidays: ['2026-12-25'] },
  atRiskRatio: 0.75,
  policies: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    low: { firstResponseMinutes: 480, resolutionMinutes: 2880 },
  },
});

describe('parseSlaConfig', () => {
  it('reads targets in business minutes as milliseconds, and the at-risk ratio', () => {
    const config = parseSlaConfig(valid());
    expect(config.policies.urgent).toEqual({ first_response: 30 * 60_000, resolution: 240 * 60_000 });
    expect(config.atRiskRatio).toBe(0.75);
    expect(config.calendar.timezone).toBe('Europe/Madrid');
    // Tuesday's split day: 4 h + 4 h.
    expect(config.calendar.businessMsBetween(new Date('2026-11-17T00:00:00Z'), new Date('2026-11-18T00:00:00Z'))).toBe(8 * 3_600_000);
  });

  it('defaults the at-risk ratio to 0.8', () => {
    const { atRiskRatio: _ignored, ...rest } = valid();
    expect(parseSlaConfig(rest).atRiskRatio).toBe(0.8);
  });

  it.each([
    ['calendar', (c: any) => delete c.calendar],
    ['calendar.timezone', (c: any) => (c.calendar.timezone = 42)],
    ['calendar', (c: any) => (c.calendar.timezone = 'Nowhere/City')],
    ['calendar.hours.funday', (c: any) => (c.calendar.hours.funday = '09:00-17:00')],
    ['calendar.hours.monday', (c: any) => (c.calendar.hours.monday = '9-5')],
    ['calendar.hours.monday', (c: any) => (c.calendar.hours.monday = '17:00-09:00')],
    ['calendar.holidays', (c: any) => (c.calendar.holidays = ['Christmas'])],
    ['atRiskRatio', (c: any) => (c.atRiskRatio = 1.2)],
    ['policies.low', (c: any) => delete c.policies.low],
    ['policies.high.firstResponseMinutes', (c: any) => (c.policies.high.firstResponseMinutes = 0)],
    ['policies.normal', (c: any) => (c.policies.normal.firstResponseMinutes = 5000)],
    ['calendar', (c: any) => (c.calendar.hours = {})],
  ])('names %s when it is wrong', (field, spoil) => {
    const raw = valid();
    spoil(raw);
    expect(() => parseSlaConfig(raw, 'sla.yml')).toThrow(new RegExp(`^sla\\.yml: ${field.replace(/\./g, '\\.')}\\b`));
  });

  it('loads the shipped config/sla.yml', () => {
    const config = loadSlaConfig(join(__dirname, '../../../../config/sla.yml'));
    expect(config.policies.urgent.first_response).toBeLessThan(config.policies.low.first_response);
  });
});
