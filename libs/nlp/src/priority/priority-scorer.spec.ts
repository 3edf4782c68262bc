import { PRIORITIES, Priority, PriorityReasonCode } from '@smartdesk/contracts';
import type { Severity } from '../categorize/taxonomy';
import { scorePriority } from './priority-scorer';

const CALM = 'Could you send me a copy of the receipt for my last order?';
const rank = (level: Priority) => PRIORITIES.indexOf(level);

describe('scorePriority', () => {
  it.each<[Severity | null, Priority]>([
    ['low', 'low'],
    ['medium', 'normal'],
    ['high', 'high'],
    ['critical', 'urgent'],
    [null, 'normal'],
  ])('starts severity %s at %s with no cues', (severity, level) => {
    const result = scorePriority({ text: CALM, severity });
    expect(result.level).toBe(level);
    expect(result.reasons).toEqual([severity ? `category severity ${severity}` : 'no category severity']);
    expect(result.reasonCodes).toEqual([severity ? { code: 'category-severity', params: { severity } } : { code: 'no-category-severity' }]);
    expect(result.source).toBe('rules');
    expect(result.confidence).toBe(0.7);
  });

  it.each<[string, PriorityReasonCode, string, number]>([
    ['service outage', 'service-outage', 'Your website is down for everyone.', 2],
    ['service outage', 'service-outage', 'La web está caída desde esta mañana.', 2],
    ['cannot log in', 'cannot-log-in', "I can't log in to my account.", 1],
    ['cannot log in', 'cannot-log-in', 'I am locked out of my account.', 1],
    ['cannot log in', 'cannot-log-in', 'No puedo iniciar sesión.', 1],
    ['money taken twice', 'money-taken-twice', 'You charged me twice for one order.', 1],
    ['money taken twice', 'money-taken-twice', 'There is a duplicate payment on my card.', 1],
    ['money taken twice', 'money-taken-twice', 'Me habéis cobrado dos veces.', 1],
    ['deadline', 'deadline', 'I need this fixed by Friday.', 1],
    ['deadline', 'deadline', 'Please reply ASAP.', 1],
    ['deadline', 'deadline', 'Es urgente.', 1],
    ['security or fraud', 'security-or-fraud', 'I think my account was hacked.', 2],
    ['security or fraud', 'security-or-fraud', 'There is an unauthorized purchase on my statement.', 2],
    ['business blocked', 'business-blocked', 'The whole team cannot print invoices.', 1],
    ['business blocked', 'business-blocked', 'Production is blocked by this.', 1],
  ])('raises for %s (%s, %j) by %i level(s), saying why in English and as a code', (reason, code, text, raise) => {
    const result = scorePriority({ text, severity: 'low' });
    expect(result.reasons).toEqual(['category severity low', reason]);
    expect(result.reasonCodes).toEqual([{ code: 'category-severity', params: { severity: 'low' } }, { code }]);
    expect(rank(result.level)).toBe(rank('low') + raise);
    expect(result.confidence).toBe(0.9);
    expect(result.source).toBe('rules');
  });

  it('adds up several cues and lists each reason once', () => {
    const result = scorePriority({ text: 'You charged me twice and I need the money back today.', severity: 'low' });
    expect(result.reasons).toEqual(['category severity low', 'money taken twice', 'deadline']);
    expect(result.level).toBe('high');
  });

  it('raises one level for a VIP customer, whatever the case of the tier', () => {
    for (const customerTier of ['vip', 'VIP', 'Vip']) {
      const result = scorePriority({ text: CALM, severity: 'low', customerTier });
      expect(result.level).toBe('normal');
      expect(result.reasons).toEqual(['category severity low', 'VIP customer']);
      expect(result.reasonCodes?.map(({ code }) => code)).toEqual(['category-severity', 'vip-customer']);
    }
  });

  it('does not raise for other tiers', () => {
    const result = scorePriority({ text: CALM, severity: 'medium', customerTier: 'gold' });
    expect(result.level).toBe('normal');
    expect(result.reasons).not.toContain('VIP customer');
  });

  it('caps at urgent however many cues match, keeping every reason', () => {
    const result = scorePriority({
      text: 'URGENT: site down, the whole team is locked out and we were charged twice. Looks like we were hacked.',
      severity: 'critical',
      customerTier: 'vip',
    });
    expect(result.level).toBe('urgent');
    expect(result.reasons).toEqual(expect.arrayContaining(['service outage', 'cannot log in', 'money taken twice', 'deadline', 'security or fraud', 'business blocked', 'VIP customer']));
  });

  it('caps a high-severity ticket with an outage at urgent rather than overflowing', () => {
    expect(scorePriority({ text: 'server down since 9am', severity: 'high' }).level).toBe('urgent');
    expect(PRIORITIES).toContain(scorePriority({ text: 'outage', severity: 'critical' }).level);
  });

  it('does not treat words merely containing a cue as a cue', () => {
    // "downstairs" contains "down", "toner" is not "today": word-bounded cues must not match.
    const result = scorePriority({ text: 'The printer downstairs is out of toner, no rush.', severity: 'low' });
    expect(result.level).toBe('low');
    expect(result.reasons).toEqual(['category severity low']);
  });
});
