import { BadRequestException, HttpStatus, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Environment } from '@smartdesk/config';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** 400 with every bad field named: `{ statusCode, error, message, fields: [{ field, problems }] }`. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    return new BadRequestException({
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: fields.map((field) => `${field.field}: ${field.problems.join(', ')}`),
      fields,
    });
  },
});

/** Postgres text cannot hold U+0000: refuse it while parsing (400) instead of failing at insert time (500). */
function rejectNulCharacters(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw new SyntaxError('text must not contain NUL (\\u0000) characters');
  return value;
}

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the tests. */
/** Body-parser errors (413 too large, 400 malformed JSON) already reach Nest's filters as JSON. */
export function configureHttp(app: NestExpressApplication, env: Environment): INestApplication {
  app.useBodyParser('json', { limit: env.MAX_BODY_BYTES, reviver: rejectNulCharacters });
  app.useGlobalPipes(validationPipe);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smartdesk API')
      .setDescription('AI-assisted support tickets: submit, triage, suggested responses, resolution.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
