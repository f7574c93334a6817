import type { ValidationError } from 'class-validator';
import { CommonErrorReason, InvalidInputError } from './domain-error.js';

interface FieldViolation {
  field: string;
  messages: string[];
}

function collectViolations(errors: ValidationError[], parentPath: string): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...collectViolations(error.children ?? [], field)];
  });
}

/**
 * One BAD_USER_INPUT error naming every offending field by its path from the argument
 * (`input.evidenceUrls.0`): `extensions.field` is the first, `extensions.violations` all of them.
 */
export function toInvalidInputError(
  errors: ValidationError[],
  argumentName = '',
): InvalidInputError {
  const violations = collectViolations(errors, argumentName);
  const message = violations.map((v) => `${v.field}: ${v.messages.join(', ')}`).join('; ');
  return new InvalidInputError(
    CommonErrorReason.VALIDATION_FAILED,
    violations[0]?.field ?? (argumentName || 'input'),
    message,
    { violations },
  );
}
