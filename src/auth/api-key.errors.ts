import {
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
} from '../common/errors/domain-error.js';
import type { Role } from './role.js';

export enum AuthErrorReason {
  MISSING_API_KEY = 'MISSING_API_KEY',
  INVALID_API_KEY = 'INVALID_API_KEY',
  ROLE_REQUIRED = 'ROLE_REQUIRED',
  NO_ACCESS_RULE = 'NO_ACCESS_RULE',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  API_KEY_NAME_TAKEN = 'API_KEY_NAME_TAKEN',
}

export const missingApiKey = () =>
  new DomainError(
    ErrorCode.UNAUTHENTICATED,
    AuthErrorReason.MISSING_API_KEY,
    'Send an API key as "Authorization: Bearer <key>"',
  );

export const invalidApiKey = () =>
  new DomainError(
    ErrorCode.UNAUTHENTICATED,
    AuthErrorReason.INVALID_API_KEY,
    'The API key is not valid or has been revoked',
  );

export const roleRequired = (required: Role, granted: Role) =>
  new DomainError(
    ErrorCode.FORBIDDEN,
    AuthErrorReason.ROLE_REQUIRED,
    `This needs the ${required} role; the key has ${granted}`,
    { requiredRole: required },
  );

/** An operation nobody declared a rule for is closed to everyone, admins included. */
export const noAccessRule = (operation: string) =>
  new DomainError(
    ErrorCode.FORBIDDEN,
    AuthErrorReason.NO_ACCESS_RULE,
    `${operation} has no access rule and is closed`,
  );

export const apiKeyNotFound = (name: string) =>
  new NotFoundError(AuthErrorReason.API_KEY_NOT_FOUND, 'API key', name);

export const apiKeyNameTaken = (name: string) =>
  new ConflictError(AuthErrorReason.API_KEY_NAME_TAKEN, `An API key named ${name} exists`, {
    field: 'input.name',
  });
