import { registerEnumType } from '@nestjs/graphql';

export enum OutletKind {
  NEWS = 'NEWS',
  WIRE = 'WIRE',
  GOVERNMENT = 'GOVERNMENT',
  OTHER = 'OTHER',
}

export enum SpeakerKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(OutletKind, {
  name: 'OutletKind',
  description: 'What sort of organisation carries statements.',
  valuesMap: {
    NEWS: { description: 'A news organisation.' },
    WIRE: { description: 'A news agency whose reports others carry (AP, Reuters, Yonhap).' },
    GOVERNMENT: { description: 'An official relay: a ministry, a readout, a spokesperson office.' },
    OTHER: { description: 'Anything else, and the default for outlets first seen by name.' },
  },
});

registerEnumType(SpeakerKind, {
  name: 'SpeakerKind',
  description: 'Whether a speaker is a person or a body.',
});
