import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

/**
 * Times every request by the route template that matched (`/api/tickets/:id`, never the concrete path, so
 * the series stay few); requests no route matched share `unmatched`.
 */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const end = httpRequestDuration.startTimer();
  response.once('finish', () => {
    const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
    end({ method: request.method, route, status: String(response.statusCode) });
  });
  next();
}
