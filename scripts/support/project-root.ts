import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, whether this runs from source (jest) or from the build (dist/scripts/...). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
