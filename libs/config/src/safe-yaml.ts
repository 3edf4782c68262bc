import { parseDocument } from 'yaml';

export class UnsafeYamlError extends Error {}

/**
 * The one way this project reads YAML (front matter, config/*.yml): plain data only. The core schema has no
 * code-bearing types; an unknown tag (`!!js/function`, `!foo`), a duplicate key or a merge key (`<<`) is refused
 * rather than read as a string, and an alias fan-out (billion laughs) stops after a few expansions. A
 * `__proto__` key stays an own property (the yaml library never assigns prototypes).
 */
export function parseYamlSafely(text: string, source: string): unknown {
  const document = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, customTags: [], prettyErrors: false });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) throw new UnsafeYamlError(`${source}: ${problem.message.split('\n')[0]}`);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    throw new UnsafeYamlError(`${source}: ${(error as Error).message}`);
  }
}

/** Enough for anchors that share a block or two; a nested fan-out exceeds it at once. */
const MAX_ALIAS_EXPANSIONS = 20;
