import { BadRequestException } from '@nestjs/common';
import { ParseIntColumnPipe, PG_INT_MAX } from './int-column';

describe('ParseIntColumnPipe', () => {
  const parse = (value: string, min?: number) => new ParseIntColumnPipe(min).transform(value, { type: 'param', data: 'revision' });

  it.each([
    ['0', 0],
    ['7', 7],
    [String(PG_INT_MAX), PG_INT_MAX],
  ])('reads %s', (value, expected) => {
    expect(parse(value)).toBe(expected);
  });

  it.each(['3000000000', String(PG_INT_MAX + 1), '-1', '1.5', '1e3', 'first', '', '9'.repeat(400), ' 1'])('refuses %j with a 400 naming the parameter', (value) => {
    expect(() => parse(value)).toThrow(BadRequestException);
    try {
      parse(value);
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({ fields: [{ field: 'revision', problems: [expect.stringContaining(String(PG_INT_MAX))] }] });
    }
  });

  it('applies its minimum', () => {
    expect(() => parse('0', 1)).toThrow(BadRequestException);
  });
});
