import { BadRequestException, HttpStatus } from '@nestjs/common';

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
