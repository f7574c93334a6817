import { NotFoundError } from '../common/errors/domain-error.js';

export enum ActorErrorReason {
  SPEAKER_NOT_FOUND = 'SPEAKER_NOT_FOUND',
  OUTLET_NOT_FOUND = 'OUTLET_NOT_FOUND',
}

export const speakerNotFound = (id: number) =>
  new NotFoundError(ActorErrorReason.SPEAKER_NOT_FOUND, 'Speaker', id);

export const outletNotFound = (id: number) =>
  new NotFoundError(ActorErrorReason.OUTLET_NOT_FOUND, 'Outlet', id);
