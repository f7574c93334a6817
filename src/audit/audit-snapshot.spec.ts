import { describe, expect, it } from 'vitest';
import { toSnapshot } from './audit-snapshot.js';

describe('toSnapshot', () => {
  it('keeps null for a record that does not exist (before a creation, after a deletion)', () => {
    expect(toSnapshot(null)).toBeNull();
  });

  it('turns dates into ISO strings and drops undefined fields, keeping nulls and arrays', () => {
    expect(
      toSnapshot({
        id: 7,
        at: new Date('2023-09-14T08:00:00Z'),
        followUpAt: null,
        missing: undefined,
        reportedBy: [3, 5],
      }),
    ).toEqual({ id: 7, at: '2023-09-14T08:00:00.000Z', followUpAt: null, reportedBy: [3, 5] });
  });

  it('is a copy: later changes to the record do not reach it', () => {
    const record = { status: 'UNVERIFIED', tags: ['a'] };
    const snapshot = toSnapshot(record);
    record.status = 'CONFIRMED';
    record.tags.push('b');
    expect(snapshot).toEqual({ status: 'UNVERIFIED', tags: ['a'] });
  });
});
