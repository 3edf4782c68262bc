import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidFields } from './invalid-fields';
import { unsafeInput } from './unsafe-text';

const MAX_FIELD_NAME = 100;

/**
 * Runs before validation on every body, query and path parameter: a string or key that Postgres cannot
 * store (NUL, lone surrogates: 22P02/22021 at insert time) or that validators cannot read (a lone surrogate
 * makes isEmail throw URIError), a `__proto__` key or nesting past MAX_INPUT_DEPTH is a 400 naming the field.
 * Kept global so a new endpoint is covered without a line of its own.
 */
@Injectable()
export class InputTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = unsafeInput(value, metadata.data ?? '');
    if (!found) return value;
    // A whole query or params object has no name of its own: say which part of the request it is.
    const field = found.field === 'body' && metadata.type !== 'body' ? metadata.type : found.field;
    throw invalidFields([{ field: field.slice(0, MAX_FIELD_NAME), problems: [found.problem] }]);
  }
}
