import { Matches } from 'class-validator';

/** Rejects empty and whitespace-only text (IsNotEmpty alone lets "   " through). */
export const IsNotBlank = () => Matches(/\S/, { message: '$property must not be blank' });
