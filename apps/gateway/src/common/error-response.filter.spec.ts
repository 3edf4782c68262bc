import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorResponseFilter } from './error-response.filter';

/** The filter on a bare request/response pair; returns what it answered and logged. */
function handle(exception: unknown) {
  const answered: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      answered.status = code;
      return this;
    },
    json(body: unknown) {
      answered.body = body;
    },
  };
  const request = { method: 'POST', path: '/api/tickets', route: { path: '/api/tickets' }, body: { secret: 'body-secret' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  try {
    new ErrorResponseFilter().catch(exception, host);
    return { answered, errors: error.mock.calls.map((call) => call.join('\n')), warnings: warn.mock.calls.map((call) => call.join('\n')) };
  } finally {
    error.mockRestore();
    warn.mockRestore();
  }
}

describe('ErrorResponseFilter', () => {
  it('answers a 4xx as the exception says and logs one warning line without stack or body', () => {
    const { answered, errors, warnings } = handle(new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['subject: must not be blank'], fields: [] }));
    expect(answered).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['subject: must not be blank'], fields: [] } });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['POST /api/tickets → 400 Bad Request']);
  });

  it('answers a failed query with a generic 500 and logs its SQLSTATE and stack, not its SQL parameters or message', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type json: "param-secret"'), { code: '22P02', table: 'tickets' });
    const { answered, errors, warnings } = handle(new QueryFailedError('INSERT INTO tickets VALUES ($1)', ['param-secret'], driverError));
    expect(answered).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } });
    expect(warnings).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^POST \/api\/tickets → 500: query failed with SQLSTATE 22P02 on tickets\n/);
    expect(errors[0]).toMatch(/\n\s+at /);
    expect(errors[0]).not.toMatch(/param-secret|body-secret|INSERT/);
  });

  it('answers any other error with a generic 500, logged with its message and stack', () => {
    const { answered, errors } = handle(new TypeError('cannot read x of undefined'));
    expect(answered.status).toBe(500);
    expect(JSON.stringify(answered.body)).not.toMatch(/cannot read/);
    expect(errors[0]).toMatch(/TypeError: cannot read x of undefined\n.*\n?\s+at /);
  });
});
