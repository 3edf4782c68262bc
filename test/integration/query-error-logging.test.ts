import { inspect } from 'node:util';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DatabaseContext, databaseContext } from './helpers/database-context';

const CARD = '4111 1111 1111 1111';
const EMAIL = 'jamie.private@example.com';

/** Failed queries on the real Postgres, logged the way the gateway's ExceptionsHandler and the workers log them. */
describe('database errors in logs', () => {
  let context: DatabaseContext;

  beforeAll(async () => {
    context = await databaseContext('int_query_error_logging');
  }, 60_000);

  afterAll(() => context?.close());

  /** What a Nest logger writes for `error`, captured from stdout and stderr. */
  function logged(log: (logger: Logger) => void): string {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      Logger.overrideLogger(new ConsoleLogger({ colors: false }));
      log(new Logger('ExceptionsHandler'));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    return written.join('');
  }

  async function failingInsert(): Promise<QueryFailedError> {
    const ticket = JSON.stringify({ subject: `Charged twice on ${CARD}`, email: EMAIL });
    const insert = `INSERT INTO tickets (customer_name, customer_email, subject, description, channel) VALUES ($1, $2, $3, $4, $5)`;
    const values = ['Jamie Doe', EMAIL, 'x'.repeat(1_000), ticket, 'web'];
    return context.dataSource.query(insert, values).then(
      () => {
        throw new Error('the insert was expected to fail');
      },
      (error: QueryFailedError) => error,
    );
  }

  it('logs the statement and the error code of a failed query, never its parameters', async () => {
    const error = await failingInsert();
    expect(error).toBeInstanceOf(QueryFailedError);
    const output = logged((logger) => logger.error(error));
    expect(output).toContain('INSERT INTO tickets');
    expect(output).toContain("code: '22001'");
    expect(output).not.toContain(CARD);
    expect(output).not.toContain(EMAIL);
    expect(output).not.toContain('Jamie Doe');
    // Code that needs the driver's error still reads it.
    expect((error.driverError as { code?: string }).code).toBe('22001');
    expect(error.parameters).toHaveLength(5);
  });

  it('keeps the values out of JSON and of util.inspect too', async () => {
    const error = await failingInsert();
    for (const text of [JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(CARD);
      expect(text).not.toContain(EMAIL);
    }
  });

  it('leaves out the row values a unique violation puts in its detail', async () => {
    await context.dataSource.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'A', 'customer', 'x')`, [EMAIL]);
    const error = await context.dataSource.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'B', 'customer', 'x')`, [EMAIL]).catch((failure: QueryFailedError) => failure);
    expect((error as { code?: string }).code).toBe('23505');
    expect(logged((logger) => logger.error(error))).not.toContain(EMAIL);
  });
});
