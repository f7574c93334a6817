import { registerEnumType } from '@nestjs/graphql';

export enum ClaimRelationType {
  COUNTERS = 'COUNTERS',
  DENIES = 'DENIES',
  SUPPORTS = 'SUPPORTS',
  RESPONDS_TO = 'RESPONDS_TO',
  REPEATS = 'REPEATS',
}

/** The relation types that make the source a counter-claim of the target, and back. */
export const COUNTER_RELATION_TYPES: readonly ClaimRelationType[] = [
  ClaimRelationType.COUNTERS,
  ClaimRelationType.DENIES,
];

registerEnumType(ClaimRelationType, {
  name: 'ClaimRelationType',
  description: 'How one claim bears on another (from → to).',
  valuesMap: {
    COUNTERS: { description: 'A contrary factual claim by another party.' },
    DENIES: { description: 'An explicit denial or rejection of the target claim.' },
    SUPPORTS: { description: 'A claim that corroborates the target.' },
    RESPONDS_TO: { description: 'A reply that neither confirms nor denies.' },
    REPEATS: { description: 'The same statement carried again, elsewhere or later.' },
  },
});
