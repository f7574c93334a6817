import { InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';

export enum GraphExportErrorReason {
  EXPORT_FORMAT_UNKNOWN = 'EXPORT_FORMAT_UNKNOWN',
  EXPORT_PARAMETER_UNKNOWN = 'EXPORT_PARAMETER_UNKNOWN',
  EXPORT_PARAMETER_INVALID = 'EXPORT_PARAMETER_INVALID',
}

export const unknownExportFormat = (file: string) =>
  new NotFoundError(GraphExportErrorReason.EXPORT_FORMAT_UNKNOWN, 'Export', file);

export const unknownExportParameter = (name: string, known: readonly string[]) =>
  new InvalidInputError(
    GraphExportErrorReason.EXPORT_PARAMETER_UNKNOWN,
    name,
    `Unknown parameter ${name}; known: ${known.join(', ')}`,
  );

export const invalidExportParameter = (name: string, message: string) =>
  new InvalidInputError(
    GraphExportErrorReason.EXPORT_PARAMETER_INVALID,
    name,
    `${name}: ${message}`,
  );
