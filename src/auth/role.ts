import { registerEnumType } from '@nestjs/graphql';

/** What a key may do; each role includes everything the roles before it may do. */
export enum Role {
  RESEARCHER = 'RESEARCHER',
  EDITOR = 'EDITOR',
  FACT_CHECKER = 'FACT_CHECKER',
  ADMIN = 'ADMIN',
}

const RANK: Record<Role, number> = {
  [Role.RESEARCHER]: 0,
  [Role.EDITOR]: 1,
  [Role.FACT_CHECKER]: 2,
  [Role.ADMIN]: 3,
};

export function hasRole(granted: Role, required: Role): boolean {
  return RANK[granted] >= RANK[required];
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an API key may do; each role includes the ones listed before it.',
  valuesMap: {
    RESEARCHER: { description: 'Reads everything and exports the claim graph.' },
    EDITOR: { description: 'Also creates and edits briefings, claims and relations.' },
    FACT_CHECKER: { description: 'Also changes verification statuses and assigns claims.' },
    ADMIN: { description: 'Also manages API keys and reads the audit trail.' },
  },
});
