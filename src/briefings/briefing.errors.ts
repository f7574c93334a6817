import { ConflictError, NotFoundError } from '../common/errors/domain-error.js';

export enum BriefingErrorReason {
  BRIEFING_NOT_FOUND = 'BRIEFING_NOT_FOUND',
  BRIEFING_ITEM_NOT_FOUND = 'BRIEFING_ITEM_NOT_FOUND',
  BRIEFING_URL_TAKEN = 'BRIEFING_URL_TAKEN',
}

export const briefingNotFound = (id: number) =>
  new NotFoundError(BriefingErrorReason.BRIEFING_NOT_FOUND, 'Briefing', id);

export const briefingItemNotFound = (id: number) =>
  new NotFoundError(BriefingErrorReason.BRIEFING_ITEM_NOT_FOUND, 'Briefing item', id);

export const briefingUrlTaken = (url: string, existingId: number) =>
  new ConflictError(BriefingErrorReason.BRIEFING_URL_TAKEN, `A briefing with url ${url} exists`, {
    field: 'input.url',
    existingId: String(existingId),
  });
