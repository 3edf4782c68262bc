import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { countPostgresConflict } from '@smartdesk/observability';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [detail: string]: unknown;
}

/**
 * Every error the HTTP API answers: 4xx as the exception says (a warning line without stack or body),
 * anything else as a generic 500 logged with its stack. Neither the answer nor the log carries the
 * request body or SQL parameters (a Postgres message quotes the value it refused, so only its code is kept).
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const where = `${request.method} ${request.route?.path ?? request.path}`;
    const body = exception instanceof HttpException ? httpErrorBody(exception) : serverErrorBody();
    countPostgresConflict(exception, 'http');
    if (body.statusCode >= 500) this.logger.error(`${where} → ${body.statusCode}: ${loggableMessage(exception)}`, loggableStack(exception));
    else this.logger.warn(`${where} → ${body.statusCode} ${body.error}`);
    // A stream (SSE) that fails midway has sent its headers: it can only be ended.
    if (response.headersSent) response.end();
    else response.status(body.statusCode).json(body);
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
