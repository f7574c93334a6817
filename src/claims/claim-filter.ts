import type { SelectQueryBuilder } from 'typeorm';
import { COUNTER_RELATION_TYPES } from '../claim-relations/claim-relation-type.js';
import { containsPattern, LIKE_ESCAPE } from '../common/sql/contains-pattern.js';
import {
  OPEN_STATUSES,
  SETTLED_STATUSES,
  VerificationStatus,
} from '../verification/verification-status.js';
import type { Claim } from './claim.entity.js';
import type { ClaimFilter } from './dto/claim-filter.input.js';

const MAX_SEARCH_WORDS = 10;

/**
 * Adds a ClaimFilter's conditions to a query over `claims`; shared by the lists, the editors'
 * queue and the claim graph, so they always agree on what a filter means.
 */
export function applyClaimFilter(
  query: SelectQueryBuilder<Claim>,
  filter: ClaimFilter | null | undefined,
): SelectQueryBuilder<Claim> {
  if (!filter) return query;
  const claim = query.alias;
  if (filter.status?.length) {
    query.andWhere(`${claim}.status IN (:...statuses)`, { statuses: filter.status });
  }
  if (filter.open === true || filter.open === false) {
    query.andWhere(`${claim}.status IN (:...openOrSettled)`, {
      openOrSettled: filter.open ? OPEN_STATUSES : SETTLED_STATUSES,
    });
  }
  if (filter.speakerId) {
    query.andWhere(`${claim}.speakerId = :speakerId`, { speakerId: filter.speakerId });
  }
  if (filter.briefingId) {
    query.andWhere(`${claim}.briefingId = :briefingId`, { briefingId: filter.briefingId });
  }
  if (filter.outletId) {
    query.andWhere(
      `(EXISTS (SELECT 1 FROM claim_outlets hop WHERE hop.claim_id = ${claim}.id AND hop.outlet_id = :outletId)` +
        ` OR ${claim}.briefingId IN (SELECT b.id FROM briefings b WHERE b.outlet_id = :outletId))`,
      { outletId: filter.outletId },
    );
  }
  const words = (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  words.forEach((word, index) => {
    query.andWhere(`LOWER(${claim}.text) LIKE :word${index} ${LIKE_ESCAPE}`, {
      [`word${index}`]: containsPattern(word),
    });
  });
  if (filter.since) query.andWhere(`${claim}.createdAt >= :since`, { since: filter.since });
  if (filter.until) query.andWhere(`${claim}.createdAt < :until`, { until: filter.until });
  if (filter.hasCounterClaims === true || filter.hasCounterClaims === false) {
    const exists =
      `EXISTS (SELECT 1 FROM claim_relations rel WHERE rel.type IN (:...counterTypes)` +
      ` AND (rel.from_claim_id = ${claim}.id OR rel.to_claim_id = ${claim}.id))`;
    query.andWhere(filter.hasCounterClaims ? exists : `NOT ${exists}`, {
      counterTypes: COUNTER_RELATION_TYPES,
    });
  }
  if (filter.assignedTo) {
    query.andWhere(`${claim}.assignee = :assignedTo`, { assignedTo: filter.assignedTo });
  }
  if (filter.followUpDue === true || filter.followUpDue === false) {
    // IS NOT NULL first keeps the condition two-valued, so NOT (…) also takes claims without one.
    const due =
      `(${claim}.followUpAt IS NOT NULL AND ${claim}.status = :followUpStatus` +
      ` AND ${claim}.followUpAt <= :followUpNow)`;
    query.andWhere(filter.followUpDue ? due : `NOT ${due}`, {
      followUpStatus: VerificationStatus.NOT_CONFIRMED,
      followUpNow: new Date(),
    });
  }
  if (filter.extracted === true || filter.extracted === false) {
    query.andWhere(`${claim}.extracted = :extracted`, { extracted: filter.extracted });
  }
  if (filter.reviewed === true || filter.reviewed === false) {
    query.andWhere(`${claim}.reviewedAt IS ${filter.reviewed ? 'NOT NULL' : 'NULL'}`);
  }
  return query;
}
