import { MacroContext, placeholdersIn, renderMacro, unknownPlaceholders } from './macro-template';

const context: MacroContext = {
  'customer.name': 'Lucía Pérez',
  'customer.firstName': 'Lucía',
  'customer.email': 'lucia@example.com',
  'ticket.number': '1042',
  'ticket.subject': 'Cobro duplicado',
  'ticket.status': 'open',
  'ticket.category': 'billing',
  'ticket.priority': '',
  'agent.name': 'Ben Okafor',
  'agent.email': 'ben@smartdesk.example',
};

describe('macro templates', () => {
  it('fills every placeholder, with or without inner spaces, as often as it appears', () => {
    const text = renderMacro('Hi {{customer.firstName}}, about #{{ ticket.number }} ({{ticket.subject}}): {{customer.firstName}}. — {{agent.name}}', context);
    expect(text).toBe('Hi Lucía, about #1042 (Cobro duplicado): Lucía. — Ben Okafor');
  });

  it('renders an empty value as empty text', () => {
    expect(renderMacro('[{{ticket.priority}}]', context)).toBe('[]');
  });

  it('lists the placeholders used, once each', () => {
    expect(placeholdersIn('{{a.b}} {{ c }} {{a.b}}')).toEqual(['a.b', 'c']);
  });

  it('names the placeholders no ticket can fill', () => {
    expect(unknownPlaceholders('Hi {{customer.name}}, {{customer.shoeSize}} {{ticket.number}} {{order}}')).toEqual(['customer.shoeSize', 'order']);
    expect(unknownPlaceholders('plain text { not } {{}}')).toEqual([]);
  });

  it('leaves text that only looks like a placeholder alone', () => {
    expect(renderMacro('{{nope}} and {single} and {{ customer.name', context)).toBe('{{nope}} and {single} and {{ customer.name');
  });
});
