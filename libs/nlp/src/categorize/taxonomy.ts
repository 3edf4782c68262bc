import { readFileSync } from 'node:fs';
import { parseYamlSafely } from '@smartdesk/config';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export interface TaxonomyCategory {
  id: string;
  name: string;
  /** The name in other languages, by ISO 639-1 code (optional in the file: `names: { de: Versand }`). */
  names: Record<string, string>;
  description: string;
  severity: Severity;
  examples: string[];
}

export interface Taxonomy {
  version: number;
  categories: TaxonomyCategory[];
}

/** Injection token for the loaded taxonomy in Nest apps. */
export const TAXONOMY = Symbol('Taxonomy');

/** The label used when no category of the taxonomy fits: routed to a human. */
export const OUT_OF_SCOPE = 'other';

/** Reads and checks the operator-editable taxonomy; a mistake names the category and field. */
export function loadTaxonomy(path: string): Taxonomy {
  const raw = parseYamlSafely(readFileSync(path, 'utf8'), path) as Partial<Taxonomy> | null;
  if (!raw || !Array.isArray(raw.categories) || raw.categories.length === 0) {
    throw new Error(`${path}: expected a non-empty 'categories' list`);
  }
  const seen = new Set<string>();
  const categories = raw.categories.map((category: Partial<TaxonomyCategory>, i) => {
    const where = `${path}: categories[${i}]${category?.id ? ` (${category.id})` : ''}`;
    if (typeof category?.id !== 'string' || !/^[a-z0-9_]+$/.test(category.id)) throw new Error(`${where}: 'id' must be lower_snake_case`);
    if (category.id === OUT_OF_SCOPE) throw new Error(`${where}: '${OUT_OF_SCOPE}' is reserved for tickets nothing fits`);
    if (seen.has(category.id)) throw new Error(`${where}: duplicate id`);
    seen.add(category.id);
    if (!SEVERITIES.includes(category.severity as Severity)) throw new Error(`${where}: 'severity' must be one of ${SEVERITIES.join(', ')}`);
    const names = category.names ?? {};
    if (typeof names !== 'object' || Array.isArray(names) || Object.entries(names).some(([code, name]) => !/^[a-z]{2}$/.test(code) || typeof name !== 'string' || !name.trim())) {
      throw new Error(`${where}: 'names' must map ISO 639-1 codes to names, e.g. { de: Versand }`);
    }
    if (!Array.isArray(category.examples) || category.examples.length < 2) throw new Error(`${where}: needs at least 2 'examples'`);
    return {
      id: category.id,
      name: category.name ?? category.id,
      names,
      description: category.description ?? '',
      severity: category.severity as Severity,
      examples: category.examples.map(String),
    };
  });
  return { version: Number(raw.version ?? 1), categories };
}
