import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../common/errors/domain-error.js';
import { inBatch } from './verification.errors.js';

describe('inBatch', () => {
  it("names the batch input in a domain error's details and message, keeping code and reason", () => {
    const error = inBatch(new NotFoundError('CLAIM_NOT_FOUND', 'Claim', 42), 3, 42);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLAIM_NOT_FOUND',
      message: 'inputs.3: Claim 42 does not exist',
      details: { id: '42', claimId: '42', index: 3 },
    });
  });

  it('passes anything else through untouched, to be logged and masked as usual', () => {
    const unexpected = new Error('connection reset');
    expect(inBatch(unexpected, 0, 1)).toBe(unexpected);
  });
});
