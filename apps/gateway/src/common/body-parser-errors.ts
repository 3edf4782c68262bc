import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What body-parser (raw-body, http-errors) attaches to the errors it passes on. */
interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Express error middleware placed right after the body parsers: their errors become Nest exceptions with
 * a message of our own. Unmapped, Nest answers a JSON error with the parser's message (which quotes the
 * body) and logs a 413 as an unknown error with its stack.
 */
export function bodyParserErrorsAsHttpExceptions(error: BodyParserError, _request: Request, _response: Response, next: NextFunction): void {
  const refused = error.status !== undefined && error.status >= 400 && error.status < 500;
  next(refused && !(error instanceof HttpException) ? bodyProblem(error) : error);
}

function bodyProblem(error: BodyParserError): HttpException {
  switch (error.type) {
    case 'entity.parse.failed': {
      const position = /position (\d+)/.exec(error.message)?.[1];
      return new BadRequestException(`the body is not valid JSON${position ? ` (at position ${position})` : ''}`);
    }
    case 'entity.too.large':
      return new PayloadTooLargeException(`the body is larger than ${error.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException('the body has an unsupported content encoding or charset');
    default:
      // e.g. a gzip Content-Encoding over bytes that are not gzip (zlib's error, marked 400 by body-parser)
      return new HttpException(`the body could not be read${error.type ? ` (${error.type})` : ''}`, error.status ?? HttpStatus.BAD_REQUEST);
  }
}
