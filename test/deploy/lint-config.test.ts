import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** CI lints before it tests, with a Biome config that keeps the code's style and accepts the NestJS/TypeORM idioms. */
const root = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const BIOME = require.resolve('@biomejs/biome/bin/biome');

/** A NestJS provider as the code base writes it: parameter decorators and properties, a class imported for DI, a static-only dynamic module. */
const NEST_PROVIDER = `import { DynamicModule, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class TicketCounter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(ids: string[]): Promise<number> {
    const seen = new Set<string>();
    ids.forEach((id) => seen.add(id));
    const [row] = await this.dataSource.query('SELECT count(*) AS n FROM tickets WHERE id = ANY($1)', [[...seen]]);
    return Number(row!.n);
  }
}

@Module({})
export class CounterModule {
  static forRoot(): DynamicModule {
    return { module: CounterModule, providers: [TicketCounter], exports: [TicketCounter] };
  }
}
`;

/** Runs `biome check` with the project's config on the given sources, laid out as in the repository. */
function check(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'smartdesk-biome-'));
  try {
    copyFileSync(join(root, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // Not a git checkout: the config's .gitignore lookup is switched off.
    const result = spawnSync(process.execPath, [BIOME, 'check', '--error-on-warnings', '--vcs-enabled=false', '--colors=off'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lint and format', () => {
  it('.ci/run lints before it runs the tests', () => {
    const commands = read('.ci/run')
      .split('\n')
      .map((line) => line.trim());
    expect(commands).toContain('npm run lint');
    expect(commands.indexOf('npm run lint')).toBeLessThan(commands.indexOf('npm test'));
  });

  it('npm run lint only checks, tests and web app type-checked too (jest compiles with swc, which does not); npm run format writes the fixes', () => {
    const { scripts } = JSON.parse(read('package.json'));
    expect(scripts.lint).toMatch(/^biome check\b.*&& npm run typecheck/);
    expect(scripts.lint).not.toContain('--write');
    expect(scripts.typecheck).toBe('tsc -p tsconfig.json --noEmit && tsc -p apps/web/tsconfig.json --noEmit');
    expect(scripts.format).toMatch(/^biome check\b.*--write/);
  });

  it('says why for every rule it turns off', () => {
    const off = read('biome.jsonc')
      .split('\n')
      .filter((line) => /:\s*"off"/.test(line));
    expect(off.length).toBeGreaterThan(0);
    expect(off.filter((line) => !/"off",?\s*\/\/\s*\S/.test(line))).toEqual([]);
  });

  it('passes a NestJS provider written in the house style', () => {
    const { status, output } = check({ 'libs/counter/src/ticket-counter.ts': NEST_PROVIDER });
    expect(output).not.toContain('ticket-counter.ts');
    expect(status).toBe(0);
  });

  it('fails code off the house style: double quotes, no semicolon, four-space indent', () => {
    const offStyle = NEST_PROVIDER.replace(`'@nestjs/common';`, `"@nestjs/common"`).replace('    const seen', '        const seen');
    const { status, output } = check({ 'libs/counter/src/ticket-counter.ts': offStyle });
    expect(status).toBe(1);
    expect(output).toMatch(/ticket-counter\.ts format/);
  });

  it('fails a recommended rule it keeps: an unused variable', () => {
    const { status, output } = check({ 'libs/counter/src/ticket-counter.ts': NEST_PROVIDER.replace('    const seen', '    const unused = 1;\n    const seen') });
    expect(status).toBe(1);
    expect(output).toContain('lint/correctness/noUnusedVariables');
  });
});
