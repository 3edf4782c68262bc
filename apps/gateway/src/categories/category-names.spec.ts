import type { Taxonomy } from '@smartdesk/nlp';
import { categoryNames, humanizedId } from './category-names';

const taxonomy: Taxonomy = {
  version: 1,
  categories: [
    { id: 'returns_refunds', name: 'Returns & refunds', names: { fr: 'Retours et remboursements' }, description: '', severity: 'medium', examples: [] },
    { id: 'it_printer', name: 'it_printer', names: {}, description: '', severity: 'low', examples: [] },
  ],
};

describe('categoryNames', () => {
  it('names a category in the language asked for, else in English, else by its id made readable', () => {
    expect(categoryNames(taxonomy, 'fr').map(({ id, name, language }) => [id, name, language])).toEqual([
      ['returns_refunds', 'Retours et remboursements', 'fr'],
      ['it_printer', 'It printer', 'en'],
      ['other', 'Other', 'en'],
    ]);
    expect(categoryNames(taxonomy, 'de')[0]).toMatchObject({ name: 'Returns & refunds', language: 'en' });
  });

  it('makes ids readable', () => {
    expect(humanizedId('account_access')).toBe('Account access');
  });
});
