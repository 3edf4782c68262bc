import { QueryFailedError } from 'typeorm';

/**
 * Fields of a failed query that carry row values: the bound parameters (a whole ticket as JSON), the driver's
 * own error and its `detail` ("Key (email)=(jamie@example.com) already exists").
 */
const VALUE_FIELDS = ['parameters', 'driverError', 'detail'] as const;

/**
 * Keeps row values out of every log of a failed query: a QueryFailedError still has its parameters, driver
 * error and detail for code that reads them (unique-violation checks `driverError.code`), but as non-enumerable
 * properties, which `util.inspect` (Nest's ExceptionsHandler and ConsoleLogger), JSON and pino serializers skip.
 * What is logged is the statement's SQL, the error code, table and constraint. TypeORM offers no hook on the
 * error it builds, so the class's prototype gets setters that its constructor's assignments go through.
 */
export function redactQueryErrors(): void {
  for (const field of VALUE_FIELDS) {
    if (Object.getOwnPropertyDescriptor(QueryFailedError.prototype, field)) continue;
    Object.defineProperty(QueryFailedError.prototype, field, {
      configurable: true,
      get: () => undefined,
      set(this: QueryFailedError, value: unknown) {
        Object.defineProperty(this, field, { value, writable: true, configurable: true, enumerable: false });
      },
    });
  }
}
