import type { NextFunction, Request, Response } from 'express';
import { BadRequestException } from '@nestjs/common';

/**
 * A path whose percent-encoding is not UTF-8 (`/api/kb/articles/%FF`) makes Express' router throw a
 * URIError that Nest answers with a message quoting the path: refuse it here with a message of our own.
 */
export function refuseBadlyEncodedPaths(request: Request, _response: Response, next: NextFunction): void {
  try {
    decodeURIComponent(request.path);
  } catch {
    return next(new BadRequestException('the URL path is not valid percent-encoded UTF-8'));
  }
  next();
}
