import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsOmittable } from '../../common/validation-rules';

const LANGUAGE_CODE = /^[a-z]{2}$/;

/** An ISO 639-1 language code, e.g. the agent's language for incoming messages or the customer's for a reply. */
export const IsLanguageCode = (description: string, required = true) =>
  applyDecorators(
    ApiProperty({ pattern: LANGUAGE_CODE.source, example: 'en', description, required }),
    ...(required ? [] : [IsOmittable()]),
    Matches(LANGUAGE_CODE, { message: 'must be an ISO 639-1 code such as en or de' }),
  );
