import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { isStoreUnavailable } from './store-unavailable';
import { countPostgresConflict } from '@smartdesk/observability';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [detail: string]: unknown;
}

/** Seconds a client is asked to wait when a store is away (a Postgres restart takes a few). */
const STORE_RETRY_AFTER_S = 5;

/**
 * Every error the HTTP API answers: 4xx as the exception says (a warning line without stack or body),
 * a store that cannot be reached as 503 with Retry-After, anything else as a generic 500 logged with its stack. Neither the answer nor the log carries the
 * request body or SQL parameters (a Postgres message quotes the value it refused, so only its code is kept).
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const where = `${request.method} ${request.route?.path ?? request.path}`;
    const unavailable = !(exception instanceof HttpException) && isStoreUnavailable(exception);
    const body = exception instanceof HttpException ? httpErrorBody(exception) : unavailable ? storeUnavailableBody() : serverErrorBody();
    countPostgresConflict(exception, 'http');
    if (body.statusCode >= 500) this.logger.error(`${where} → ${body.statusCode}: ${loggableMessage(exception)}`, loggableStack(exception));
    else this.logger.warn(`${where} → ${body.statusCode} ${body.error}`);
    // A stream (SSE) that fails midway has sent its headers: it can only be ended.
    if (response.headersSent) response.end();
    else {
      if (unavailable) response.setHeader('Retry-After', String(STORE_RETRY_AFTER_S));
      response.status(body.statusCode).json(body);
    }
  }
}

function httpErrorBody(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  const answer = exception.getResponse();
  if (typeof answer === 'string') return { statusCode, error, message: answer };
  const fields = answer as Partial<ErrorBody>;
  return { ...fields, statusCode, error: fields.error ?? error, message: fields.message ?? error };
}

function storeUnavailableBody(): ErrorBody {
  return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: 'a data store is unavailable for a moment: try again shortly' };
}

function serverErrorBody(): ErrorBody {
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Internal server error' };
}

function loggableMessage(exception: unknown): string {
  if (exception instanceof QueryFailedError) {
    const { code, table, column, constraint } = exception.driverError as { code?: string; table?: string; column?: string; constraint?: string };
    return `query failed with SQLSTATE ${code ?? '?'}${table ? ` on ${table}${column ? `.${column}` : ''}` : ''}${constraint ? ` (${constraint})` : ''}`;
  }
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}

/** The stack's frames under our own first line (the original first line repeats the message). */
function loggableStack(exception: unknown): string | undefined {
  if (!(exception instanceof Error) || !exception.stack) return undefined;
  const frames = exception.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [loggableMessage(exception), ...frames].join('\n');
}
