import {
  ConflictError,
  DomainError,
  ErrorCode,
  InvalidInputError,
  NotFoundError,
} from '../common/errors/domain-error.js';

export enum ClaimErrorReason {
  CLAIM_NOT_FOUND = 'CLAIM_NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  QUOTE_NOT_IN_ITEM = 'QUOTE_NOT_IN_ITEM',
  SPEAKER_REQUIRED = 'SPEAKER_REQUIRED',
  DUPLICATE_OUTLET_IN_CHAIN = 'DUPLICATE_OUTLET_IN_CHAIN',
  NOTHING_TO_UPDATE = 'NOTHING_TO_UPDATE',
  CANNOT_CLEAR = 'CANNOT_CLEAR',
  ASSIGNEE_NOT_FOUND = 'ASSIGNEE_NOT_FOUND',
  ASSIGNMENT_CHANGED = 'ASSIGNMENT_CHANGED',
}

export const claimNotFound = (id: number) =>
  new NotFoundError(ClaimErrorReason.CLAIM_NOT_FOUND, 'Claim', id);

export const versionConflict = (claimId: number, expectedVersion: number, currentVersion: number) =>
  new ConflictError(
    ClaimErrorReason.VERSION_CONFLICT,
    `Claim ${claimId} is at version ${currentVersion}, not ${expectedVersion}: reload it and retry`,
    { claimId: String(claimId), expectedVersion, currentVersion },
  );

export const quoteNotInItem = (field: string) =>
  new InvalidInputError(
    ClaimErrorReason.QUOTE_NOT_IN_ITEM,
    field,
    `${field} must be an exact substring of the item's text (at quoteStart when given)`,
  );

export const speakerRequired = () =>
  new InvalidInputError(
    ClaimErrorReason.SPEAKER_REQUIRED,
    'input.speakerName',
    'Give exactly one of input.speakerId and input.speakerName',
  );

export const duplicateOutletInChain = (name: string) =>
  new InvalidInputError(
    ClaimErrorReason.DUPLICATE_OUTLET_IN_CHAIN,
    'input.reportedBy',
    `input.reportedBy names ${name} twice`,
  );

export const nothingToUpdate = () =>
  new InvalidInputError(
    ClaimErrorReason.NOTHING_TO_UPDATE,
    'input',
    'input changes nothing: give at least one field to correct',
  );

export const cannotClear = (field: string) =>
  new InvalidInputError(
    ClaimErrorReason.CANNOT_CLEAR,
    `input.${field}`,
    `input.${field} cannot be cleared: leave it out to keep it, or give a new value`,
  );

export const assigneeNotFound = (name: string) =>
  new DomainError(
    ErrorCode.NOT_FOUND,
    ClaimErrorReason.ASSIGNEE_NOT_FOUND,
    `No working API key is named ${name}: claims are assigned to existing, non-revoked keys`,
    { field: 'assignee', assignee: name },
  );

export const assignmentChanged = (claimId: number) =>
  new ConflictError(
    ClaimErrorReason.ASSIGNMENT_CHANGED,
    `Claim ${claimId} was assigned by someone else meanwhile: reload it and retry`,
    { claimId: String(claimId) },
  );
