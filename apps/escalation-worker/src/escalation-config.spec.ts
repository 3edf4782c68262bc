import { join } from 'node:path';
import { DEFAULT_ESCALATION_RULES, loadEscalationRules, parseEscalationRules } from './escalation-config';

describe('escalation rules configuration', () => {
  it('the shipped config/escalation.yml states the default rules', () => {
    expect(loadEscalationRules(join(__dirname, '../../../config/escalation.yml'))).toEqual(DEFAULT_ESCALATION_RULES);
  });

  it('merges each given setting over its default', () => {
    const rules = parseEscalationRules({ rules: { 'very-negative': { score: -0.4 }, 'sla-at-risk': { level: 1 } } });
    expect(rules['very-negative']).toEqual({ level: 1, score: -0.4 });
    expect(rules['sla-at-risk']).toEqual({ level: 1 });
    expect(rules['human-requested']).toEqual(DEFAULT_ESCALATION_RULES['human-requested']);
    expect(parseEscalationRules(null)).toEqual(DEFAULT_ESCALATION_RULES);
  });

  it('does not change the defaults it merges over', () => {
    parseEscalationRules({ rules: { 'vip-customer': { tiers: ['gold'] } } });
    expect(DEFAULT_ESCALATION_RULES['vip-customer'].tiers).toEqual(['vip']);
  });

  it.each([
    [{ 'angry-customer': { level: 1 } }, /rules\.angry-customer is not a rule/],
    [{ 'human-requested': { level: 4 } }, /rules\.human-requested\.level must be a level from 0 \(off\) to 3/],
    [{ 'human-requested': { level: 1.5 } }, /rules\.human-requested\.level/],
    [{ 'very-negative': { threshold: -0.5 } }, /rules\.very-negative\.threshold is not a setting/],
    [{ 'very-negative': { score: 'low' } }, /rules\.very-negative\.score must be a number/],
    [{ 'very-negative': { score: 0.5 } }, /rules\.very-negative\.score must be between -1 and 0/],
    [{ 'legal-or-security': { words: 'lawyer' } }, /rules\.legal-or-security\.words must be a list of words/],
    [{ 'repeat-contact': { days: 0 } }, /rules\.repeat-contact needs days and tickets/],
  ])('refuses %j', (rules, message) => {
    expect(() => parseEscalationRules({ rules }, 'escalation.yml')).toThrow(message);
  });
});
