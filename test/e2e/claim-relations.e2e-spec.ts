import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBriefing,
  createClaim,
  type CreatedBriefing,
  type CreatedClaim,
} from '../support/factories.js';
import { startTestApp, type GraphqlError, type TestApp } from '../support/test-app.js';
import { Role } from '../../src/auth/role.js';

const RELATION_FIELDS = 'id type note createdBy createdAt updatedAt from { id } to { id }';

const LINK = `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { ${RELATION_FIELDS} } }`;
const UNLINK = `mutation ($id: ID!) { unlinkClaims(id: $id) { ${RELATION_FIELDS} } }`;

interface Relation {
  id: string;
  type: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  from: { id: string };
  to: { id: string };
}

interface ClaimLinks {
  id: string;
  relations: Relation[];
  counterClaims: { id: string; briefing: { id: string } }[];
}

const sorted = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

describe('claim relations', () => {
  let t: TestApp;
  let briefing: CreatedBriefing;

  function onlyError(errors: GraphqlError[] | undefined): GraphqlError {
    expect(errors).toHaveLength(1);
    return errors![0];
  }

  const link = (input: Record<string, unknown>, key?: string) =>
    t.gql<{ linkClaims: Relation }>(LINK, { input }, { key });

  async function linked(
    from: CreatedClaim,
    type: string,
    to: CreatedClaim,
    extra: Record<string, unknown> = {},
    key?: string,
  ): Promise<Relation> {
    const { data, errors } = await link(
      { fromClaimId: from.id, toClaimId: to.id, type, ...extra },
      key,
    );
    expect(errors).toBeUndefined();
    return data.linkClaims;
  }

  async function links(claim: CreatedClaim): Promise<ClaimLinks> {
    const { data, errors } = await t.gql<{ claim: ClaimLinks }>(
      `query ($id: ID!) {
        claim(id: $id) { id relations { ${RELATION_FIELDS} } counterClaims { id briefing { id } } }
      }`,
      { id: claim.id },
    );
    expect(errors).toBeUndefined();
    return data.claim;
  }

  const newClaim = (input: Record<string, unknown> = {}) =>
    createClaim(t, briefing.items[0].id, input);

  beforeAll(async () => {
    t = await startTestApp();
    briefing = await createBriefing(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds counter-claims across briefings in either direction, and only COUNTERS and DENIES', async () => {
    const briefingA = await createBriefing(t, { title: 'A' });
    const briefingB = await createBriefing(t, { title: 'B' });
    const claim = await createClaim(t, briefingA.items[0].id, { text: 'Strikes hit the depot' });
    const denial = await createClaim(t, briefingB.items[0].id, { text: 'No strike took place' });
    const counter = await createClaim(t, briefingB.items[1].id, { text: 'The depot is intact' });
    const supporter = await createClaim(t, briefingB.items[1].id, { text: 'Smoke was seen' });
    const responder = await createClaim(t, briefingA.items[1].id, { text: 'We will not comment' });
    const repeater = await createClaim(t, briefingB.items[0].id, { text: 'Strikes hit the depot' });

    const editor = await t.createKey(Role.EDITOR, 'desk-editor');
    const denies = await linked(
      denial,
      'DENIES',
      claim,
      { note: 'The ministry rejects the report' },
      editor.key,
    );
    expect(denies).toMatchObject({
      type: 'DENIES',
      note: 'The ministry rejects the report',
      createdBy: editor.name,
      from: { id: denial.id },
      to: { id: claim.id },
    });
    expect(denies.id).toMatch(/^[1-9][0-9]*$/);
    expect(Number.isNaN(Date.parse(denies.createdAt))).toBe(false);
    const counters = await linked(counter, 'COUNTERS', claim);
    expect(counters).toMatchObject({ type: 'COUNTERS', note: null, createdBy: t.admin.name });
    const supports = await linked(supporter, 'SUPPORTS', claim);
    const responds = await linked(responder, 'RESPONDS_TO', claim);
    const repeats = await linked(repeater, 'REPEATS', claim);

    const ofClaim = await links(claim);
    expect(ofClaim.relations).toEqual([denies, counters, supports, responds, repeats]);
    expect(sorted(ofClaim.counterClaims.map((c) => c.id))).toEqual(sorted([denial.id, counter.id]));
    expect(ofClaim.counterClaims.every((c) => c.briefing.id === briefingB.id)).toBe(true);

    const ofDenial = await links(denial);
    expect(ofDenial.relations).toEqual([denies]);
    expect(ofDenial.counterClaims).toEqual([{ id: claim.id, briefing: { id: briefingA.id } }]);
    expect((await links(counter)).counterClaims.map((c) => c.id)).toEqual([claim.id]);

    for (const [other, relation] of [
      [supporter, supports],
      [responder, responds],
      [repeater, repeats],
    ] as const) {
      const ofOther = await links(other);
      expect(ofOther.relations).toEqual([relation]);
      expect(ofOther.counterClaims).toEqual([]);
    }
  });

  it('lists a claim linked both ways by COUNTERS and DENIES once among the counter-claims', async () => {
    const first = await newClaim();
    const second = await newClaim();
    await linked(first, 'DENIES', second);
    await linked(second, 'COUNTERS', first);

    expect((await links(first)).counterClaims.map((c) => c.id)).toEqual([second.id]);
    expect((await links(second)).counterClaims.map((c) => c.id)).toEqual([first.id]);
    expect((await links(first)).relations.map((r) => r.type)).toEqual(['DENIES', 'COUNTERS']);
  });

  it('refuses to link a claim to itself as SELF_RELATION', async () => {
    const claim = await newClaim();
    const { data, errors } = await link({
      fromClaimId: claim.id,
      toClaimId: claim.id,
      type: 'DENIES',
    });
    expect(data).toBeNull();
    expect(onlyError(errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SELF_RELATION',
    });
    expect((await links(claim)).relations).toEqual([]);
  });

  it('refuses the same (from, to, type) twice as RELATION_EXISTS, but allows another type or the reverse', async () => {
    const from = await newClaim();
    const to = await newClaim();
    const first = await linked(from, 'COUNTERS', to);

    const duplicate = await link({
      fromClaimId: from.id,
      toClaimId: to.id,
      type: 'COUNTERS',
      note: 'again',
    });
    expect(duplicate.data).toBeNull();
    expect(onlyError(duplicate.errors).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RELATION_EXISTS',
      existingId: first.id,
    });

    const otherType = await linked(from, 'SUPPORTS', to);
    const reverse = await linked(to, 'COUNTERS', from);
    expect(new Set([first.id, otherType.id, reverse.id]).size).toBe(3);

    expect((await links(from)).relations).toEqual([first, otherType, reverse]);
    expect((await links(to)).relations).toEqual([first, otherType, reverse]);
  });

  it('keeps one relation when the same link is requested 10 times at once', async () => {
    const from = await newClaim();
    const to = await newClaim();
    const input = { fromClaimId: from.id, toClaimId: to.id, type: 'DENIES' };

    const responses = await Promise.all(Array.from({ length: 10 }, () => link(input)));

    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    for (const response of responses.filter((r) => r.errors)) {
      const error = onlyError(response.errors);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(['RELATION_EXISTS', 'UNIQUE_VIOLATION']).toContain(error.extensions.reason);
    }
    expect((await links(from)).relations).toHaveLength(1);
  });

  it('answers NOT_FOUND CLAIM_NOT_FOUND when either claim does not exist, writing nothing', async () => {
    const claim = await newClaim();
    for (const input of [
      { fromClaimId: claim.id, toClaimId: '987654321', type: 'DENIES' },
      { fromClaimId: '987654321', toClaimId: claim.id, type: 'SUPPORTS' },
    ]) {
      const { errors } = await link(input);
      expect(onlyError(errors).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CLAIM_NOT_FOUND',
        id: '987654321',
      });
    }
    const malformed = await link({ fromClaimId: 'abc', toClaimId: claim.id, type: 'DENIES' });
    expect(onlyError(malformed.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.fromClaimId',
    });
    const longNote = await link({
      fromClaimId: (await newClaim()).id,
      toClaimId: claim.id,
      type: 'DENIES',
      note: 'x'.repeat(2001),
    });
    expect(onlyError(longNote.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.note',
    });
    expect((await links(claim)).relations).toEqual([]);
  });

  it('unlinks a relation, returning it as it was, and then answers RELATION_NOT_FOUND', async () => {
    const from = await newClaim();
    const to = await newClaim();
    const kept = await linked(from, 'SUPPORTS', to);
    const relation = await linked(from, 'DENIES', to, { note: 'Flat denial' });

    const removed = await t.gql<{ unlinkClaims: Relation }>(UNLINK, { id: relation.id });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.unlinkClaims).toEqual(relation);

    for (const claim of [from, to]) {
      const after = await links(claim);
      expect(after.relations).toEqual([kept]);
      expect(after.counterClaims).toEqual([]);
    }

    const again = await t.gql(UNLINK, { id: relation.id });
    expect(again.data).toBeNull();
    expect(onlyError(again.errors).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'RELATION_NOT_FOUND',
      id: relation.id,
    });
    const malformed = await t.gql(UNLINK, { id: 'abc' });
    expect(onlyError(malformed.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect((await links(from)).relations).toEqual([kept]);

    // The pair can be linked the same way again once the old link is gone.
    const relinked = await linked(from, 'DENIES', to);
    expect(relinked.id).not.toBe(relation.id);
  });

  it('filters a briefing down to exactly the claims with a COUNTERS or DENIES link', async () => {
    const own = await createBriefing(t, { items: ['First paragraph.', 'Second paragraph.'] });
    const elsewhere = await createBriefing(t);
    const make = (i: number) => createClaim(t, own.items[i % 2].id, { text: `Claim ${i}` });
    const [denied, denier, countering, countered, supported, lonely, responding] =
      await Promise.all([0, 1, 2, 3, 4, 5, 6].map(make));
    const outsider = await createClaim(t, elsewhere.items[0].id);
    const outsiderSupporter = await createClaim(t, elsewhere.items[1].id);

    await linked(denier, 'DENIES', denied);
    await linked(countering, 'COUNTERS', outsider);
    const cross = await linked(outsider, 'COUNTERS', countered);
    await linked(outsiderSupporter, 'SUPPORTS', supported);
    await linked(responding, 'RESPONDS_TO', lonely);
    await linked(responding, 'REPEATS', supported);

    const query = `query ($filter: ClaimFilter) {
      claims(first: 100, filter: $filter) { totalCount edges { node { id } } }
    }`;
    const list = async (filter: Record<string, unknown>) => {
      const { data, errors } = await t.gql(query, { filter });
      expect(errors).toBeUndefined();
      const ids: string[] = data.claims.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(data.claims.totalCount).toBe(ids.length);
      return sorted(ids);
    };

    expect(await list({ briefingId: own.id, hasCounterClaims: true })).toEqual(
      sorted([denied.id, denier.id, countering.id, countered.id]),
    );
    expect(await list({ briefingId: own.id, hasCounterClaims: false })).toEqual(
      sorted([supported.id, lonely.id, responding.id]),
    );
    expect(await list({ briefingId: elsewhere.id, hasCounterClaims: true })).toEqual([outsider.id]);

    await t.gql(UNLINK, { id: cross.id });
    expect(await list({ briefingId: own.id, hasCounterClaims: true })).toEqual(
      sorted([denied.id, denier.id, countering.id]),
    );
  });
});
