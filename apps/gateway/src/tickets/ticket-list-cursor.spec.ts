import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './ticket-list-cursor';

describe('ticket list cursor', () => {
  it('reads back what it wrote, microseconds included', () => {
    const cursor = { sort: 'createdAt' as const, key: 1796462482123456, number: 41 };
    expect(decodeCursor(encodeCursor(cursor), 'createdAt')).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ sort: 'number', key: null, number: 9 }), 'number')).toEqual({ sort: 'number', key: null, number: 9 });
  });

  const made = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['not base64 JSON', 'createdAt', '%%%'],
    ['a cursor of another sort', 'createdAt', encodeCursor({ sort: 'priority', key: 3, number: 1 })],
    ['a key where number sorts need none', 'number', made(['number', 5, 1])],
    ['a date string as key', 'createdAt', made(['createdAt', '2026-02-31', 1])],
    ['a key beyond safe integers', 'createdAt', made(['createdAt', 1e300, 1])],
    ['a fractional number', 'createdAt', made(['createdAt', 1, 1.5])],
  ] as const)('refuses %s with a 400 naming after', (_case, sort, text) => {
    let error: unknown;
    try {
      decodeCursor(text, sort);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({ fields: [{ field: 'after' }] });
  });
});
