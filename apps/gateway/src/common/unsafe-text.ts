/** Deeper JSON than any request of this API needs; past it, validators and services would recurse without bound. */
export const MAX_INPUT_DEPTH = 16;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as Postgres text or JSON, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it contains a lone UTF-16 surrogate)';
  return null;
}

export interface InputProblem {
  /** Dotted path from the input's root, e.g. `metadata.plan` or `tags.2`. */
  field: string;
  problem: string;
}

/**
 * The first value or key in `input` that no column can hold (NUL, lone surrogates), that could reach an
 * object's prototype (`__proto__`), or that lies deeper than MAX_INPUT_DEPTH; null when all is well.
 */
export function unsafeInput(input: unknown, root = '', depth = 0): InputProblem | null {
  if (typeof input === 'string') {
    const problem = textProblem(input);
    return problem ? { field: root || 'body', problem } : null;
  }
  if (typeof input !== 'object' || input === null) return null;
  if (depth >= MAX_INPUT_DEPTH) return { field: root || 'body', problem: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  for (const [key, value] of Object.entries(input)) {
    const field = root ? `${root}.${key}` : key;
    if (key === '__proto__') return { field, problem: 'is not an accepted key' };
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: root || 'body', problem: `has a key that ${keyProblem}` };
    const found = unsafeInput(value, field, depth + 1);
    if (found) return found;
  }
  return null;
}
