import { ConflictException } from '@nestjs/common';

/** Turns Postgres' unique_violation (23505) into a 409 with `message`; any other error passes through. */
export function conflictOnUnique(message: string): (error: unknown) => never {
  return (error: unknown) => {
    const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
    if (code === '23505') throw new ConflictException(message);
    throw error;
  };
}
