/** The GraphQL `extensions.code` values a client can rely on. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * An expected failure of a domain rule. `code` is the stable category a client switches on,
 * `reason` the module's own code (`CLAIM_NOT_FOUND`), `details` extra machine-readable facts.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: Exclude<ErrorCode, ErrorCode.INTERNAL_SERVER_ERROR>,
    readonly reason: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(reason: string, entity: string, id: number | string) {
    super(ErrorCode.NOT_FOUND, reason, `${entity} ${id} does not exist`, { id: String(id) });
  }
}

export class InvalidInputError extends DomainError {
  /** `field` is the path of the offending argument, e.g. `input.quote`. */
  constructor(
    reason: string,
    field: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(ErrorCode.BAD_USER_INPUT, reason, message, { field, ...details });
  }
}

export class ConflictError extends DomainError {
  constructor(reason: string, message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, reason, message, details);
  }
}

export enum CommonErrorReason {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_ID = 'INVALID_ID',
  UNIQUE_VIOLATION = 'UNIQUE_VIOLATION',
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
