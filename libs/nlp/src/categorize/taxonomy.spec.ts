import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy, OUT_OF_SCOPE } from './taxonomy';

const REAL_TAXONOMY = join(__dirname, '../../../../config/taxonomy.yml');

describe('loadTaxonomy (config/taxonomy.yml)', () => {
  const taxonomy = loadTaxonomy(REAL_TAXONOMY);

  it('loads every category with a name, severity and examples', () => {
    expect(taxonomy.version).toBe(1);
    expect(taxonomy.categories.length).toBeGreaterThanOrEqual(8);
    for (const category of taxonomy.categories) {
      expect(category.id).toMatch(/^[a-z0-9_]+$/);
      expect(category.name.length).toBeGreaterThan(0);
      expect(['low', 'medium', 'high', 'critical']).toContain(category.severity);
      expect(category.examples.length).toBeGreaterThanOrEqual(2);
      for (const example of category.examples) expect(typeof example).toBe('string');
    }
  });

  it('has unique ids and never uses the reserved out-of-scope id', () => {
    const ids = taxonomy.categories.map((category) => category.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(OUT_OF_SCOPE);
  });

  it('contains the categories the knowledge base and routing rely on', () => {
    const ids = taxonomy.categories.map((category) => category.id);
    expect(ids).toEqual(expect.arrayContaining(['shipping', 'returns_refunds', 'billing', 'account_access', 'orders', 'it_network', 'it_email', 'it_printer']));
    expect(taxonomy.categories.find((category) => category.id === 'billing')?.severity).toBe('high');
  });
});

describe('loadTaxonomy (invalid files)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smartdesk-taxonomy-spec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let counter = 0;
  function write(yaml: string): string {
    const path = join(dir, `taxonomy-${++counter}.yml`);
    writeFileSync(path, yaml);
    return path;
  }

  const category = (id: string, extra = '') => `  - id: ${id}\n    name: ${id}\n    severity: medium\n    examples: ["first ${id} example", "second ${id} example"]\n${extra}`;

  function expectRejected(yaml: string, ...fragments: (string | RegExp)[]) {
    const path = write(yaml);
    let error: Error | undefined;
    try {
      loadTaxonomy(path);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toContain(path);
    for (const fragment of fragments) expect(error!.message).toMatch(fragment);
  }

  it('accepts a minimal valid file, filling in defaults', () => {
    const taxonomy = loadTaxonomy(write(`categories:\n  - id: a\n    severity: low\n    examples: [one, 2]\n`));
    expect(taxonomy).toEqual({ version: 1, categories: [{ id: 'a', name: 'a', names: {}, description: '', severity: 'low', examples: ['one', '2'] }] });
  });

  it('reads the names in other languages', () => {
    const taxonomy = loadTaxonomy(write(`categories:\n${category('shipping', '    names: { de: Versand, ja: 配送 }\n')}`));
    expect(taxonomy.categories[0].names).toEqual({ de: 'Versand', ja: '配送' });
  });

  it.each([
    ['a list', 'names: [Versand]'],
    ['a long code', 'names: { deu: Versand }'],
    ['an empty name', 'names: { de: "" }'],
  ])('rejects names given as %s', (_, line) => {
    expectRejected(`categories:\n${category('shipping', `    ${line}\n`)}`, /\(shipping\)/, /'names' must map ISO 639-1 codes/);
  });

  it('rejects a duplicate id, naming it', () => {
    expectRejected(`version: 1\ncategories:\n${category('billing')}${category('shipping')}${category('billing')}`, /categories\[2\]/, /\(billing\)/, /duplicate id/);
  });

  it(`rejects the reserved '${OUT_OF_SCOPE}' id`, () => {
    expectRejected(`categories:\n${category('billing')}${category(OUT_OF_SCOPE)}`, /categories\[1\]/, /'other' is reserved/);
  });

  it.each(['severe', 'High', ''])('rejects the severity %j', (severity) => {
    expectRejected(`categories:\n  - id: billing\n    severity: "${severity}"\n    examples: [a, b]\n`, /\(billing\)/, /'severity' must be one of low, medium, high, critical/);
  });

  it('rejects a missing severity', () => {
    expectRejected(`categories:\n  - id: billing\n    examples: [a, b]\n`, /'severity'/);
  });

  it.each([
    ['one example', 'examples: ["only one"]'],
    ['no examples', 'examples: []'],
    ['examples not a list', 'examples: "a, b, c"'],
    ['no examples field', 'name: Billing'],
  ])('rejects fewer than 2 examples (%s)', (_, line) => {
    expectRejected(`categories:\n  - id: billing\n    severity: high\n    ${line}\n`, /\(billing\)/, /at least 2 'examples'/);
  });

  it.each([
    ['an empty file', ''],
    ['no categories key', 'version: 1\n'],
    ['an empty list', 'version: 1\ncategories: []\n'],
    ['categories not a list', 'categories:\n  billing: {}\n'],
  ])('rejects missing categories (%s)', (_, yaml) => {
    expectRejected(yaml, /non-empty 'categories' list/);
  });

  it.each(['Billing', 'billing-team', 'bill ing'])('rejects the id %j as not lower_snake_case', (id) => {
    expectRejected(`categories:\n  - id: "${id}"\n    severity: low\n    examples: [a, b]\n`, /'id' must be lower_snake_case/);
  });

  it('rejects a category without an id, naming its position', () => {
    expectRejected(`categories:\n${category('billing')}  - severity: low\n    examples: [a, b]\n`, /categories\[1\]: 'id'/);
  });

  it('throws a readable error for a missing file', () => {
    expect(() => loadTaxonomy(join(dir, 'does-not-exist.yml'))).toThrow(/ENOENT/);
  });
});
