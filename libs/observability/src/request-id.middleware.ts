import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithLogContext } from './log-context';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept only if it is short and plain, so it cannot inject into log lines. */
const ACCEPTED_ID = /^[\w.:-]{1,128}$/;

/** Takes the caller's X-Request-Id (or makes one), echoes it in the response, and puts it on every log line of the request. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTED_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, requestId);
  runWithLogContext({ requestId }, next);
}
