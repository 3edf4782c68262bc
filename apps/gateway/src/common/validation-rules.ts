import { Matches, ValidateIf } from 'class-validator';

/** Rejects empty and whitespace-only text (IsNotEmpty alone lets "   " through). */
export const IsNotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

/** May be left out, but not sent as null (IsOptional lets null through, which a NOT NULL column refuses). */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

/** Emails are compared lower-cased: one address, one account. */
export const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
