import { BadRequestException, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { bodyParserErrorsAsHttpExceptions } from './body-parser-errors';

/** What the middleware passes on for a body-parser error. */
function mapped(error: Error & Record<string, unknown>): unknown {
  let passed: unknown;
  bodyParserErrorsAsHttpExceptions(error, {} as Request, {} as Response, (next?: unknown) => (passed = next));
  return passed;
}

const parserError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('bodyParserErrorsAsHttpExceptions', () => {
  it('answers malformed JSON with the position only, not the parser message that quotes the body', () => {
    const error = mapped(parserError(`Unexpected token 's', "secret body" is not valid JSON at position 1`, { type: 'entity.parse.failed', status: 400 }));
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as HttpException).message).toBe('the body is not valid JSON (at position 1)');
  });

  it('answers a body over the limit with 413 naming the limit', () => {
    const error = mapped(parserError('request entity too large', { type: 'entity.too.large', status: 413, limit: 65_536 }));
    expect([(error as HttpException).getStatus(), (error as HttpException).message]).toEqual([413, 'the body is larger than 65536 bytes']);
  });

  it('answers bytes that are not gzip under a gzip Content-Encoding with 400 (zlib error, no type)', () => {
    const error = mapped(parserError('incorrect header check', { code: 'Z_DATA_ERROR', status: 400 }));
    expect([(error as HttpException).getStatus(), (error as HttpException).message]).toEqual([400, 'the body could not be read']);
  });

  it('passes a server-side error on unchanged (answered as a 500 and logged)', () => {
    const error = parserError('stream is not readable', { type: 'stream.not.readable', status: 500 });
    expect(mapped(error)).toBe(error);
  });
});
