import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Environment } from '@smartdesk/config';
import { httpMetricsMiddleware, requestIdMiddleware } from '@smartdesk/observability';
import { API_KEY, API_KEY_HEADER, BEARER } from './auth/auth.decorators';
import { bodyParserErrorsAsHttpExceptions } from './common/body-parser-errors';
import { answerClientErrorsAsJson } from './common/client-errors';
import { ErrorResponseFilter } from './common/error-response.filter';
import { FieldProblem, invalidFields } from './common/invalid-fields';
import { InputTextPipe } from './common/input-text.pipe';
import { responseCompression } from './common/response-compression';
import { securityHeaders, strictTransportSecurity } from './common/security-headers';
import { refuseBadlyEncodedPaths } from './common/url-encoding.middleware';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export type { FieldProblem };
export { invalidFields };

/**
 * The app's validation; `groups` selects rules that depend on the caller (validators without a group
 * always run), for bodies validated in the handler once the caller is known.
 */
export function validationPipeFor(groups?: string[]): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    ...(groups ? { groups, always: true } : {}),
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}

export const validationPipe = validationPipeFor();

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the tests. */
export function configureHttp(app: NestExpressApplication, env: Environment): INestApplication {
  app.disable('x-powered-by');
  answerClientErrorsAsJson(app.getHttpServer());
  app.use(requestIdMiddleware, httpMetricsMiddleware, securityHeaders, strictTransportSecurity(env.NODE_ENV === 'production'), refuseBadlyEncodedPaths, responseCompression);
  app.useBodyParser('json', { limit: env.MAX_BODY_BYTES });
  // Imports (training-data CSV, knowledge-base markdown) are larger than any JSON request.
  app.useBodyParser('text', { type: ['text/csv', 'text/markdown'], limit: env.IMPORT_MAX_BYTES });
  app.use(bodyParserErrorsAsHttpExceptions);
  // Text checks first: validators must not see a string they cannot read.
  app.useGlobalPipes(new InputTextPipe(), validationPipe);
  app.useGlobalFilters(new ErrorResponseFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smartdesk API')
      .setDescription('AI-assisted support tickets: submit, triage, suggested responses, conversation, resolution; accounts, roles and audit.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /api/auth/login' }, BEARER)
      .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'An integration key from POST /api/api-keys' }, API_KEY)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
