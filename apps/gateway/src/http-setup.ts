import { BadRequestException, HttpStatus, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Environment } from '@smartdesk/config';
import { API_KEY, API_KEY_HEADER, BEARER } from './auth/auth.decorators';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** 400 with every bad field named: `{ statusCode, error, message, fields: [{ field, problems }] }`. */
export function invalidFields(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    message: fields.map((field) => `${field.field}: ${field.problems.join(', ')}`),
    fields,
  });
}

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

/** Postgres text cannot hold U+0000: refuse it while parsing (400) instead of failing at insert time (500). */
function rejectNulCharacters(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw new SyntaxError('text must not contain NUL (\\u0000) characters');
  return value;
}

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the tests. */
/** Body-parser errors (413 too large, 400 malformed JSON) already reach Nest's filters as JSON. */
export function configureHttp(app: NestExpressApplication, env: Environment): INestApplication {
  app.useBodyParser('json', { limit: env.MAX_BODY_BYTES, reviver: rejectNulCharacters });
  // Imports (training-data CSV, knowledge-base markdown) are larger than any JSON request.
  app.useBodyParser('text', { type: ['text/csv', 'text/markdown'], limit: env.IMPORT_MAX_BYTES });
  app.useGlobalPipes(validationPipe);
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
