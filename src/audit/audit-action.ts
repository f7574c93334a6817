import { registerEnumType } from '@nestjs/graphql';

/** What a mutation did; one audit event per change it made. */
export enum AuditAction {
  BRIEFING_CREATED = 'BRIEFING_CREATED',
  CLAIM_CREATED = 'CLAIM_CREATED',
  CLAIM_UPDATED = 'CLAIM_UPDATED',
  CLAIM_DELETED = 'CLAIM_DELETED',
  CLAIM_ASSIGNED = 'CLAIM_ASSIGNED',
  CLAIM_REVIEWED = 'CLAIM_REVIEWED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  CLAIMS_LINKED = 'CLAIMS_LINKED',
  CLAIMS_UNLINKED = 'CLAIMS_UNLINKED',
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  BRIEFING_INGESTED = 'BRIEFING_INGESTED',
}

/** The kind of record an audit event is about. */
export enum AuditEntityType {
  BRIEFING = 'BRIEFING',
  CLAIM = 'CLAIM',
  CLAIM_RELATION = 'CLAIM_RELATION',
  API_KEY = 'API_KEY',
}

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What a change did.',
  valuesMap: {
    BRIEFING_CREATED: { description: 'createBriefing recorded a briefing and its items.' },
    CLAIM_CREATED: { description: 'createClaim recorded a claim.' },
    CLAIM_UPDATED: { description: 'updateClaim corrected a claim.' },
    CLAIM_DELETED: { description: 'deleteClaim removed a claim.' },
    CLAIM_ASSIGNED: { description: 'assignClaim assigned or released a claim.' },
    CLAIM_REVIEWED: { description: 'reviewClaim accepted an extracted claim as it stands.' },
    STATUS_CHANGED: {
      description: "updateVerificationStatus(es) moved a claim's verification status.",
    },
    CLAIMS_LINKED: { description: 'linkClaims made a relation.' },
    CLAIMS_UNLINKED: { description: 'unlinkClaims removed a relation.' },
    API_KEY_CREATED: { description: 'An API key was created.' },
    API_KEY_REVOKED: { description: 'An API key was revoked.' },
    BRIEFING_INGESTED: {
      description:
        'ingestBriefing added items to a briefing from its text; the claims and relations it ' +
        'extracted have their own CLAIM_CREATED and CLAIMS_LINKED events.',
    },
  },
});

registerEnumType(AuditEntityType, {
  name: 'AuditEntityType',
  description: 'The kind of record an audit event is about.',
  valuesMap: {
    BRIEFING: { description: 'A briefing; entityId is its id.' },
    CLAIM: { description: 'A claim; entityId is its id.' },
    CLAIM_RELATION: { description: 'A link between claims; entityId is its id.' },
    API_KEY: { description: 'An API key; entityId is its name.' },
  },
});
