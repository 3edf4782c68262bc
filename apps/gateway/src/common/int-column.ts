import { applyDecorators, ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { invalidFields } from './invalid-fields';

/** The largest value of a Postgres `integer` column: larger numbers fail at the database (22003) unless refused here. */
export const PG_INT_MAX = 2_147_483_647;

/** A body or query field stored in an `integer` column (a version, a revision): a whole number from `min` to PG_INT_MAX. */
export const IsIntColumn = (min = 1) => applyDecorators(IsInt(), Min(min), Max(PG_INT_MAX));

/**
 * A path parameter compared with an `integer` column (a version, a revision): 400 naming the parameter
 * unless it is a whole number from `min` to PG_INT_MAX. Nest's ParseIntPipe lets 3000000000 through.
 */
@Injectable()
export class ParseIntColumnPipe implements PipeTransform<string, number> {
  constructor(private readonly min = 0) {}

  transform(value: string, { data }: ArgumentMetadata): number {
    const number = /^-?\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= this.min && number <= PG_INT_MAX)) {
      throw invalidFields([{ field: data ?? 'parameter', problems: [`must be a whole number from ${this.min} to ${PG_INT_MAX}`] }]);
    }
    return number;
  }
}
