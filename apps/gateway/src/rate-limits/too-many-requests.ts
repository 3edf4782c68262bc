import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** 429 with `Retry-After` (whole seconds) and a JSON body saying what was limited and when to try again. */
export function tooManyRequests(response: Response, what: string, retryAfterSeconds: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  response.setHeader('Retry-After', String(retryAfter));
  return new HttpException({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `${what}: try again in ${retryAfter} s`, retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
}
