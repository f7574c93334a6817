import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursors', () => {
  it('round-trips a position', () => {
    const position = { value: '2023-09-14T08:00:00.000Z', id: 42 };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('["x", -1]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('rejects %j as BAD_USER_INPUT on the given field', (cursor) => {
    expect(() => decodeCursor(cursor, 'after')).toThrowError(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
        details: { field: 'after' },
      }),
    );
  });
});
