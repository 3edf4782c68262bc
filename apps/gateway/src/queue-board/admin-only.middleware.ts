import { HttpException, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthenticatedRequest } from '../auth/principal';

/**
 * The app-wide AuthGuard covers Nest routes only, not a router mounted as middleware: the queue board gets its
 * own check. Admins only, signed in by session (cookie or bearer); integration keys never see job payloads.
 */
@Injectable()
export class AdminOnlyMiddleware implements NestMiddleware {
  constructor(private readonly authenticator: Authenticator) {}

  async use(request: AuthenticatedRequest, response: Response, next: NextFunction): Promise<void> {
    const refuse = (statusCode: number, message: string) => void response.status(statusCode).json({ statusCode, message });
    try {
      const principal = await this.authenticator.authenticate(request, response);
      if (!principal) return refuse(401, 'sign in first: send "Authorization: Bearer <token>" or the sd_session cookie');
      if (principal.role !== 'admin' || principal.apiKey) return refuse(403, 'only an admin signed in by session may see the queues');
      next();
    } catch (error) {
      if (error instanceof HttpException) return refuse(error.getStatus(), error.message);
      next(error);
    }
  }
}
