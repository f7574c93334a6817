import { InvalidInputError } from '../common/errors/domain-error.js';

export enum IngestionErrorReason {
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  ITEM_TOO_LONG = 'ITEM_TOO_LONG',
}

export const tooManyItems = (count: number, max: number) =>
  new InvalidInputError(
    IngestionErrorReason.TOO_MANY_ITEMS,
    'input.text',
    `The text has ${count} items; a briefing holds at most ${max}`,
    { count, max },
  );

export const itemTooLong = (position: number, length: number, max: number) =>
  new InvalidInputError(
    IngestionErrorReason.ITEM_TOO_LONG,
    'input.text',
    `Item ${position} has ${length} characters; an item holds at most ${max}`,
    { position, length, max },
  );
