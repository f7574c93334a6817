import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, NotFoundError } from './domain-error.js';
import { toGraphQLError } from './graphql-exception.filter.js';

function silentLogger() {
  const logger = new Logger('test');
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  return { logger, error };
}

describe('toGraphQLError', () => {
  it('keeps a domain error’s code, reason and details', () => {
    const { logger } = silentLogger();
    const error = toGraphQLError(new NotFoundError('CLAIM_NOT_FOUND', 'Claim', 7), logger);
    expect(error.message).toBe('Claim 7 does not exist');
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND', id: '7' });
  });

  it.each([
    ['PostgreSQL', { code: '23505', detail: 'Key (url)=(x) already exists.' }],
    [
      'SQLite',
      { code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: briefings.url' },
    ],
  ])('turns a %s unique violation into CONFLICT without driver text', (_driver, driverError) => {
    const { logger } = silentLogger();
    const error = toGraphQLError(
      new QueryFailedError(
        'INSERT INTO briefings …',
        [],
        Object.assign(new Error('boom'), driverError),
      ),
      logger,
    );
    expect(error.extensions).toEqual({ code: ErrorCode.CONFLICT, reason: 'UNIQUE_VIOLATION' });
    expect(error.message).not.toMatch(/INSERT|briefings|Key/);
  });

  it('masks anything unknown and logs it in full', () => {
    const { logger, error: logged } = silentLogger();
    const error = toGraphQLError(
      new Error('connect ECONNREFUSED 10.0.0.1:5432 password=secret'),
      logger,
      'req-7',
    );
    expect(error.message).toBe('Internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[request req-7\].*ECONNREFUSED/s));
  });

  it('passes a DomainError subclass through with its own code', () => {
    const { logger } = silentLogger();
    const error = toGraphQLError(new DomainError(ErrorCode.FORBIDDEN, 'NOPE', 'No'), logger);
    expect(error.extensions.code).toBe('FORBIDDEN');
  });
});
