import { describe, expect, it, vi } from 'vitest';
import { QueryFailedError } from 'typeorm';
import { HttpRefusal, HttpRefusalCode } from '../http/http-refusal.js';
import { DomainError, ErrorCode, NotFoundError } from './domain-error.js';
import { toGraphQLError, type ErrorLog } from './graphql-exception.filter.js';

function silentLogger() {
  const error = vi.fn<ErrorLog['error']>();
  const logger: ErrorLog = { error };
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
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields] = logged.mock.calls[0];
    expect((fields.err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('keeps an HTTP refusal’s code and extensions, and logs nothing', () => {
    const { logger, error: logged } = silentLogger();
    const error = toGraphQLError(
      new HttpRefusal(429, HttpRefusalCode.RATE_LIMITED, 'Slow down', { retryAfter: 3 }),
      logger,
    );
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 3 });
    expect(logged).not.toHaveBeenCalled();
  });

  it('passes a DomainError subclass through with its own code', () => {
    const { logger } = silentLogger();
    const error = toGraphQLError(new DomainError(ErrorCode.FORBIDDEN, 'NOPE', 'No'), logger);
    expect(error.extensions.code).toBe('FORBIDDEN');
  });
});
