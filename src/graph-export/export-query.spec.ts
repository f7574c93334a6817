import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors/domain-error.js';
import { VerificationStatus } from '../verification/verification-status.js';
import { ExportFormat } from './export-format.js';
import { parseExportQuery } from './export-query.js';

const failure = async (format: ExportFormat, query: Record<string, string | string[]>) => {
  const error = await parseExportQuery(format, query).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('parseExportQuery', () => {
  it('turns query parameters into a ClaimFilter', async () => {
    const { filter, options } = await parseExportQuery(ExportFormat.GRAPHML, {
      status: ['CONFIRMED,FALSE', 'DENIED'],
      open: 'false',
      briefingId: '7',
      since: '2024-01-01',
      until: '2024-02-01T12:00:00Z',
      search: 'Kharkiv strike',
      extracted: 'true',
      reviewed: 'false',
    });
    expect(filter).toMatchObject({
      status: [VerificationStatus.CONFIRMED, VerificationStatus.FALSE, VerificationStatus.DENIED],
      open: false,
      briefingId: 7,
      search: 'Kharkiv strike',
      extracted: true,
      reviewed: false,
    });
    expect(filter.since).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(filter.until).toEqual(new Date('2024-02-01T12:00:00Z'));
    expect(options).toEqual({});
  });

  it('takes the CSV table and the JSON-LD variant where they apply', async () => {
    expect((await parseExportQuery(ExportFormat.CSV, { table: 'edges' })).options).toEqual({
      table: 'edges',
    });
    expect((await parseExportQuery(ExportFormat.JSONLD, { variant: 'research' })).options).toEqual({
      variant: 'research',
    });
  });

  it.each([
    [{ status: 'MAYBE' }, 'VALIDATION_FAILED', 'status'],
    [{ speakerId: '0' }, 'VALIDATION_FAILED', 'speakerId'],
    [{ open: 'yes' }, 'EXPORT_PARAMETER_INVALID', 'open'],
    [{ until: '2024-13-45' }, 'EXPORT_PARAMETER_INVALID', 'until'],
    [{ search: 'x'.repeat(201) }, 'VALIDATION_FAILED', 'search'],
    [{ page: '2' }, 'EXPORT_PARAMETER_UNKNOWN', 'page'],
  ])('rejects %o with a stable reason naming the field', async (query, reason, field) => {
    const error = await failure(ExportFormat.JSON, query);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.reason).toBe(reason);
    expect(String(error.details.field)).toMatch(new RegExp(`^${field}`));
  });

  it('needs a table for graph.csv and allows variant only for JSON-LD', async () => {
    expect((await failure(ExportFormat.CSV, {})).details.field).toBe('table');
    expect((await failure(ExportFormat.GEXF, { variant: 'research' })).details.field).toBe(
      'variant',
    );
  });
});
