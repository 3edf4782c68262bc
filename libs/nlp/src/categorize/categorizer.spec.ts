import { join } from 'node:path';
import { Categorizer } from './categorizer';
import { loadTaxonomy } from './taxonomy';

const taxonomy = loadTaxonomy(join(__dirname, '../../../../config/taxonomy.yml'));
const categorizer = new Categorizer(taxonomy, 0.35);

describe('Categorizer', () => {
  it.each([
    ['Package not arrived', 'My parcel was due last week and tracking has not moved since Monday.', 'shipping'],
    ['Charged twice', 'I was charged twice for order 5512, please refund the duplicate payment.', 'billing'],
    ['Cannot log in', 'I forgot my password and the reset email never arrives.', 'account_access'],
    ['VPN', 'The VPN keeps disconnecting every few minutes when I work from home.', 'it_network'],
    ['Printer', 'The printer on the 3rd floor says offline and nothing prints.', 'it_printer'],
    ['Reembolso', 'Quiero devolver las zapatillas y que me devuelvan el dinero.', 'returns_refunds'],
  ])('puts "%s" in %s', (subject, description, expected) => {
    const result = categorizer.categorize({ subject, description });
    expect(result.category).toBe(expected);
    expect(result.source).toBe('model');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.explanation.length).toBeGreaterThan(0);
    expect(result.explanation).toEqual(result.matchedTerms?.map((term) => `matched "${term}"`));
  });

  it('says nothing fits for an off-topic ticket instead of forcing a label', () => {
    const result = categorizer.categorize({ subject: 'Recipe', description: 'What is a good recipe for banana bread with walnuts?' });
    expect(result.category).toBe('other');
    expect(result.needsReview).toBe(true);
    expect(result.matchedTerms).toBeUndefined();
  });

  it('raises priority for urgency cues and explains why', () => {
    const calm = categorizer.categorize({ subject: 'Invoice copy', description: 'Could you send me a VAT invoice for my last order?' });
    const urgent = categorizer.categorize({ subject: 'Charged twice!', description: 'You charged me twice and I need the money back today.' });
    expect(['low', 'normal', 'high', 'urgent'].indexOf(urgent.priority.level)).toBeGreaterThan(['low', 'normal', 'high', 'urgent'].indexOf(calm.priority.level));
    expect(urgent.priority.reasons).toEqual(expect.arrayContaining(['money taken twice', 'deadline']));
  });
});
