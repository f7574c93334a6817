import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ClaimFilter } from '../claims/dto/claim-filter.input.js';
import { toInvalidInputError } from '../common/errors/validation-error.factory.js';
import type { CsvTable, ExportOptions } from './export-format.js';
import { ExportFormat } from './export-format.js';
import { invalidExportParameter, unknownExportParameter } from './graph-export.errors.js';

/** The filter parameters, named as in ClaimFilter; `status` takes a comma-separated list. */
const FILTER_PARAMETERS = [
  'status',
  'open',
  'speakerId',
  'outletId',
  'briefingId',
  'search',
  'since',
  'until',
  'hasCounterClaims',
  'extracted',
  'reviewed',
] as const;
const BOOLEAN_PARAMETERS = new Set(['open', 'hasCounterClaims', 'extracted', 'reviewed']);
const DATE_PARAMETERS = new Set(['since', 'until']);
const KNOWN_PARAMETERS = [...FILTER_PARAMETERS, 'table', 'variant'];
/** An ISO 8601 date or date-time, as the DateTime scalar takes it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export interface ExportRequest {
  filter: ClaimFilter;
  options: ExportOptions;
}

type Query = Record<string, string | string[] | undefined>;

/** A single value: a repeated parameter is an error, except `status`, whose values add up. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalidExportParameter(name, 'give it once');
  return value;
}

function parseValue(name: string, value: string): unknown {
  if (BOOLEAN_PARAMETERS.has(name)) {
    if (value !== 'true' && value !== 'false') throw invalidExportParameter(name, 'true or false');
    return value === 'true';
  }
  if (DATE_PARAMETERS.has(name)) {
    const date = new Date(value);
    if (!ISO_DATE.test(value) || Number.isNaN(date.getTime())) {
      throw invalidExportParameter(name, 'an ISO 8601 date or date-time');
    }
    return date;
  }
  return value;
}

/**
 * The export's query string as a validated ClaimFilter plus the format's options: the same
 * rules as the `claims` query's filter, and the same field names in errors.
 */
export async function parseExportQuery(format: ExportFormat, query: Query): Promise<ExportRequest> {
  for (const name of Object.keys(query)) {
    if (!KNOWN_PARAMETERS.includes(name)) throw unknownExportParameter(name, KNOWN_PARAMETERS);
  }
  const plain: Record<string, unknown> = {};
  for (const name of FILTER_PARAMETERS) {
    if (name === 'status') {
      const raw = query.status;
      if (raw === undefined) continue;
      plain.status = (Array.isArray(raw) ? raw : [raw])
        .flatMap((v) => v.split(','))
        .filter(Boolean);
      continue;
    }
    const value = single(query, name);
    if (value !== undefined) plain[name] = parseValue(name, value);
  }
  const filter = plainToInstance(ClaimFilter, plain);
  const errors = await validate(filter, { forbidUnknownValues: false });
  if (errors.length > 0) throw toInvalidInputError(errors);
  return { filter, options: parseOptions(format, query) };
}

function parseOptions(format: ExportFormat, query: Query): ExportOptions {
  const table = single(query, 'table');
  const variant = single(query, 'variant');
  if (table !== undefined && format !== ExportFormat.CSV) {
    throw invalidExportParameter('table', 'only for graph.csv');
  }
  if (format === ExportFormat.CSV && table !== 'nodes' && table !== 'edges') {
    throw invalidExportParameter('table', 'graph.csv needs table=nodes or table=edges');
  }
  if (variant !== undefined && (format !== ExportFormat.JSONLD || variant !== 'research')) {
    throw invalidExportParameter('variant', 'only variant=research, and only for graph.jsonld');
  }
  return {
    ...(table ? { table: table as CsvTable } : {}),
    ...(variant ? { variant: 'research' as const } : {}),
  };
}
