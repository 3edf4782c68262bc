import { applyDecorators, ParseIntPipe } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** The largest value of a Postgres `integer` column: larger numbers fail at the database (22003) unless refused here. */
export const PG_INT_MAX = 2_147_483_647;

/** A body or query field stored in an `integer` column (a version, a revision): a whole number from `min` to PG_INT_MAX. */
export const IsIntColumn = (min = 1) => applyDecorators(IsInt(), Min(min), Max(PG_INT_MAX));

/** A path parameter that is an `integer` column's value: 400 naming the parameter when it is not a whole number in range. */
export class ParseIntColumnPipe extends ParseIntPipe {
  constructor(private readonly min = 0) {
    super();
  }

  override async transform(value: string, metadata: Parameters<ParseIntPipe['transform']>[1]): Promise<number> {
    const number = await super.transform(value, metadata);
    if (number < this.min || number > PG_INT_MAX) throw this.exceptionFactory(`${metadata.data ?? 'parameter'} must be a whole number from ${this.min} to ${PG_INT_MAX}`);
    return number;
  }
}
