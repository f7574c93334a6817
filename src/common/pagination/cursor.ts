import { CommonErrorReason, InvalidInputError } from '../errors/domain-error.js';
import { parseEntityId } from '../graphql/entity-id.js';

/** The position of a row in a keyset order: the sort column's value and the id that breaks ties. */
export interface CursorPosition {
  value: string | number;
  id: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorPosition {
  const invalid = () =>
    new InvalidInputError(
      CommonErrorReason.INVALID_CURSOR,
      field,
      `${field} is not a valid cursor`,
    );
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    !['string', 'number'].includes(typeof decoded[0]) ||
    parseEntityId(decoded[1]) === undefined
  ) {
    throw invalid();
  }
  return { value: decoded[0] as string | number, id: decoded[1] as number };
}
