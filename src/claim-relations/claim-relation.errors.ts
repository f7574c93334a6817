import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import type { ClaimRelationType } from './claim-relation-type.js';

export enum ClaimRelationErrorReason {
  RELATION_NOT_FOUND = 'RELATION_NOT_FOUND',
  SELF_RELATION = 'SELF_RELATION',
  RELATION_EXISTS = 'RELATION_EXISTS',
}

export const relationNotFound = (id: number) =>
  new NotFoundError(ClaimRelationErrorReason.RELATION_NOT_FOUND, 'Claim relation', id);

export const selfRelation = () =>
  new InvalidInputError(
    ClaimRelationErrorReason.SELF_RELATION,
    'input.toClaimId',
    'A claim cannot be related to itself',
  );

export const relationExists = (from: number, to: number, type: ClaimRelationType, id: number) =>
  new ConflictError(
    ClaimRelationErrorReason.RELATION_EXISTS,
    `Claim ${from} already ${type} claim ${to}`,
    { existingId: String(id) },
  );
