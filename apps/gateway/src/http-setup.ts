import { BadRequestException, HttpStatus, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
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

/** Body-parser failures (too large, malformed JSON) happen before Nest's filters: answer them in JSON too. */
function bodyErrors(error: { status?: number; type?: string; message: string }, _req: Request, res: Response, next: NextFunction) {
  if (!error.status || error.status >= 500) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res.status(error.status).json({
    statusCode: error.status,
    error: tooLarge ? 'Payload Too Large' : 'Bad Request',
    message: tooLarge ? `request body exceeds the ${error['limit' as keyof typeof error] ?? ''} byte limit` : `malformed request body: ${error.message}`,
  });
}

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the tests. */
export async function configureHttp(app: NestExpressApplication, env: Environment): Promise<INestApplication> {
  app.useBodyParser('json', { limit: env.MAX_BODY_BYTES });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smartdesk API')
      .setDescription('AI-assisted support tickets: submit, triage, suggested responses, resolution.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  app.use(bodyErrors);
  return app;
}
