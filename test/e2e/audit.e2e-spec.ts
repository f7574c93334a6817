import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { createBriefing, createClaim, uniqueName } from '../support/factories.js';
import {
  startTestApp,
  type GraphqlError,
  type TestApp,
  type TestKey,
} from '../support/test-app.js';

const AUDIT_EVENTS = `query ($filter: AuditEventFilter, $first: Int!, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id actor action entityType entityId before after at } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AuditEventView {
  id: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

interface AuditPage {
  totalCount: number;
  edges: { cursor: string; node: AuditEventView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('audit trail', () => {
  let t: TestApp;
  let editor: TestKey;
  let checker: TestKey;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.createKey(Role.EDITOR, 'audited-editor');
    checker = await t.createKey(Role.FACT_CHECKER, 'audited-checker');
  });

  afterAll(async () => {
    await t.close();
  });

  async function page(
    filter: Record<string, unknown>,
    first = 100,
    after?: string | null,
  ): Promise<AuditPage> {
    const { data, errors } = await t.gql<{ auditEvents: AuditPage }>(AUDIT_EVENTS, {
      filter,
      first,
      after,
    });
    expect(errors).toBeUndefined();
    return data.auditEvents;
  }

  /** Every event matching the filter, newest first. */
  async function events(filter: Record<string, unknown>): Promise<AuditEventView[]> {
    return (await page(filter)).edges.map((edge) => edge.node);
  }

  /** The one event about a record; fails unless there is exactly one of that action. */
  async function onlyEvent(
    entityType: string,
    entityId: string,
    action: string,
  ): Promise<AuditEventView> {
    const found = await events({ entityType, entityId, action });
    expect(found).toHaveLength(1);
    return found[0];
  }

  function onlyError(errors: GraphqlError[] | undefined): GraphqlError {
    expect(errors).toHaveLength(1);
    return errors![0];
  }

  it('records createBriefing with its author and the briefing after', async () => {
    const url = `https://news.example/${randomUUID()}`;
    const { createBriefing: briefing } = await t.ok(
      `mutation ($url: String!) {
        createBriefing(input: { title: "Audited", url: $url, items: ["One.", "Two."] }) { id }
      }`,
      { url },
      { key: editor.key },
    );

    const event = await onlyEvent('BRIEFING', briefing.id, 'BRIEFING_CREATED');
    expect(event).toMatchObject({ actor: editor.name, entityId: briefing.id, before: null });
    expect(event.after).toMatchObject({
      id: Number(briefing.id),
      title: 'Audited',
      url,
      itemCount: 2,
    });
    expect((await events({ entityType: 'BRIEFING', entityId: briefing.id })).length).toBe(1);
  });

  it('records createClaim, updateClaim and deleteClaim, one event each, newest first', async () => {
    const briefing = await createBriefing(t);
    const { createClaim: claim } = await t.ok(
      `mutation ($itemId: ID!, $speaker: String!) {
        createClaim(input: { itemId: $itemId, text: "First wording", speakerName: $speaker }) { id }
      }`,
      { itemId: briefing.items[0].id, speaker: uniqueName('Speaker') },
      { key: editor.key },
    );
    const outlet = uniqueName('Relay');
    const { updateClaim: updated } = await t.ok(
      `mutation ($id: ID!, $outlet: String!) {
        updateClaim(input: { claimId: $id, expectedVersion: 1, text: "Second wording", reportedBy: [$outlet] }) {
          reportedBy { id }
        }
      }`,
      { id: claim.id, outlet },
      { key: editor.key },
    );
    await t.ok(
      `mutation ($id: ID!) { deleteClaim(id: $id) { id } }`,
      { id: claim.id },
      { key: editor.key },
    );

    const trail = await events({ entityType: 'CLAIM', entityId: claim.id });
    expect(trail.map((event) => [event.action, event.actor])).toEqual([
      ['CLAIM_DELETED', editor.name],
      ['CLAIM_UPDATED', editor.name],
      ['CLAIM_CREATED', editor.name],
    ]);
    const [deleted, corrected, created] = trail;
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({
      id: Number(claim.id),
      text: 'First wording',
      status: 'UNVERIFIED',
      version: 1,
      assignee: null,
      reportedBy: [],
    });
    expect(corrected.before).toEqual(created.after);
    expect(corrected.after).toMatchObject({
      text: 'Second wording',
      version: 2,
      reportedBy: [Number(updated.reportedBy[0].id)],
    });
    expect(deleted.before).toEqual(corrected.after);
    expect(deleted.after).toBeNull();
  });

  it('records assignClaim and status changes, single and bulk, by the fact-checker', async () => {
    const briefing = await createBriefing(t);
    const claim = await createClaim(t, briefing.items[0].id);
    const other = await createClaim(t, briefing.items[0].id);
    await t.ok(
      `mutation ($id: ID!, $to: String) { assignClaim(claimId: $id, assignee: $to) { id } }`,
      { id: claim.id, to: checker.name },
      { key: checker.key },
    );
    await t.ok(
      `mutation ($id: ID!) {
        updateVerificationStatus(input: { claimId: $id, expectedVersion: 1, status: DISPUTED }) { id }
      }`,
      { id: claim.id },
      { key: checker.key },
    );
    await t.ok(
      `mutation ($a: ID!, $b: ID!) {
        updateVerificationStatuses(inputs: [
          { claimId: $a, expectedVersion: 2, status: DENIED },
          { claimId: $b, expectedVersion: 1, status: NOT_CONFIRMED, followUpAt: "2999-01-01T00:00:00Z" }
        ]) { id }
      }`,
      { a: claim.id, b: other.id },
      { key: checker.key },
    );

    const created = await onlyEvent('CLAIM', claim.id, 'CLAIM_CREATED');
    const assigned = await onlyEvent('CLAIM', claim.id, 'CLAIM_ASSIGNED');
    expect(assigned.actor).toBe(checker.name);
    expect(assigned.before).toEqual(created.after);
    expect(assigned.after).toEqual({ ...created.after, assignee: checker.name });

    const changes = await events({
      entityType: 'CLAIM',
      entityId: claim.id,
      action: 'STATUS_CHANGED',
    });
    expect(
      changes.map((event) => [event.actor, event.before?.status, event.after?.status]),
    ).toEqual([
      [checker.name, 'DISPUTED', 'DENIED'],
      [checker.name, 'UNVERIFIED', 'DISPUTED'],
    ]);
    expect(changes[1].before).toEqual(assigned.after);
    expect(changes[1].after).toMatchObject({ version: 2, assignee: checker.name });
    expect(changes[0].before).toEqual(changes[1].after);

    const followUp = await onlyEvent('CLAIM', other.id, 'STATUS_CHANGED');
    expect(followUp.after).toMatchObject({
      status: 'NOT_CONFIRMED',
      followUpAt: '2999-01-01T00:00:00.000Z',
      version: 2,
    });
  });

  it('records linkClaims and unlinkClaims', async () => {
    const briefing = await createBriefing(t);
    const from = await createClaim(t, briefing.items[0].id);
    const to = await createClaim(t, briefing.items[1].id);
    const { linkClaims: relation } = await t.ok(
      `mutation ($from: ID!, $to: ID!) {
        linkClaims(input: { fromClaimId: $from, toClaimId: $to, type: DENIES, note: "Kyiv denies it" }) { id }
      }`,
      { from: from.id, to: to.id },
      { key: editor.key },
    );
    await t.ok(
      `mutation ($id: ID!) { unlinkClaims(id: $id) { id } }`,
      { id: relation.id },
      { key: editor.key },
    );

    const trail = await events({ entityType: 'CLAIM_RELATION', entityId: relation.id });
    expect(trail).toHaveLength(2);
    const [unlinked, linked] = trail;
    expect(linked).toMatchObject({ action: 'CLAIMS_LINKED', actor: editor.name, before: null });
    expect(linked.after).toMatchObject({
      id: Number(relation.id),
      fromClaimId: Number(from.id),
      toClaimId: Number(to.id),
      type: 'DENIES',
      note: 'Kyiv denies it',
      createdBy: editor.name,
    });
    expect(unlinked).toMatchObject({ action: 'CLAIMS_UNLINKED', actor: editor.name, after: null });
    expect(unlinked.before).toEqual(linked.after);
  });

  it('records createApiKey and revokeApiKey by name, never with the secret or its hash', async () => {
    const name = `audited-${randomUUID().slice(0, 8)}`;
    const { createApiKey } = await t.ok(
      `mutation ($name: String!) { createApiKey(input: { name: $name, role: RESEARCHER }) { key } }`,
      { name },
      { key: t.admin.key },
    );
    await t.ok(
      `mutation ($name: String!) { revokeApiKey(name: $name) { name } }`,
      { name },
      { key: t.admin.key },
    );

    const trail = await events({ entityType: 'API_KEY', entityId: name });
    expect(trail).toHaveLength(2);
    const [revoked, created] = trail;
    expect(created).toMatchObject({
      action: 'API_KEY_CREATED',
      actor: t.admin.name,
      entityId: name,
      before: null,
    });
    expect(created.after).toMatchObject({ name, role: 'RESEARCHER', revokedAt: null });
    expect(revoked).toMatchObject({ action: 'API_KEY_REVOKED', actor: t.admin.name });
    expect(revoked.before).toEqual(created.after);
    expect(revoked.after?.revokedAt).toEqual(expect.any(String));

    // ctk_<12-character prefix>_<secret>; the secret itself may contain "_".
    const secret = (createApiKey.key as string).slice('ctk_'.length + 13);
    const hash = createHash('sha256').update(secret).digest('hex');
    const stored = JSON.stringify([created, revoked]);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(hash);
    expect(stored).not.toMatch(/secret/i);
  });

  it('leaves no event behind a failed mutation', async () => {
    const failing = await t.createKey(Role.FACT_CHECKER, 'failing');
    const briefing = await createBriefing(t);
    const claim = await createClaim(t, briefing.items[0].id);
    const attempts: [string, Record<string, unknown>][] = [
      // A stale version, and a batch whose first change was written before the second failed.
      [
        `mutation ($id: ID!) { updateVerificationStatus(input: { claimId: $id, expectedVersion: 9, status: DENIED }) { id } }`,
        { id: claim.id },
      ],
      [
        `mutation ($id: ID!) {
          updateVerificationStatuses(inputs: [
            { claimId: $id, expectedVersion: 1, status: DENIED },
            { claimId: "987654321", expectedVersion: 1, status: DENIED }
          ]) { id }
        }`,
        { id: claim.id },
      ],
      [
        `mutation ($id: ID!) { assignClaim(claimId: $id, assignee: "nobody-by-this-name") { id } }`,
        { id: claim.id },
      ],
      [`mutation { deleteClaim(id: "987654321") { id } }`, {}],
      [
        `mutation ($url: String!) { createBriefing(input: { title: "Twice", url: $url, items: ["x"] }) { id } }`,
        {
          url: (await t.gql(`query ($id: ID!) { briefing(id: $id) { url } }`, { id: briefing.id }))
            .data.briefing.url,
        },
      ],
    ];
    for (const [query, variables] of attempts) {
      const response = await t.gql(query, variables, { key: failing.key });
      expect(response.errors?.length, query).toBe(1);
    }
    expect(await events({ actor: failing.name })).toEqual([]);
    expect(
      (await events({ entityType: 'CLAIM', entityId: claim.id })).map((e) => e.action),
    ).toEqual(['CLAIM_CREATED']);
  });

  it('filters by actor, action, entity and time, newest first, one keyset page at a time', async () => {
    const author = await t.createKey(Role.EDITOR, 'prolific');
    const { createBriefing: briefing } = await t.ok(
      `mutation { createBriefing(input: { title: "Paged", items: ["One."] }) { id items { id } } }`,
      {},
      { key: author.key },
    );
    const claimIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { createClaim: claim } = await t.ok(
        `mutation ($itemId: ID!, $speaker: String!) {
          createClaim(input: { itemId: $itemId, text: "Paged claim", speakerName: $speaker }) { id }
        }`,
        { itemId: briefing.items[0].id, speaker: uniqueName('Speaker') },
        { key: author.key },
      );
      claimIds.push(claim.id);
    }

    const all = await events({ actor: author.name });
    expect(all.map((event) => [event.action, event.entityId])).toEqual([
      ...claimIds.toReversed().map((id) => ['CLAIM_CREATED', id]),
      ['BRIEFING_CREATED', briefing.id],
    ]);
    for (let i = 1; i < all.length; i++) {
      expect(Date.parse(all[i - 1].at)).toBeGreaterThanOrEqual(Date.parse(all[i].at));
    }

    const first = await page({ actor: author.name }, 2);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ actor: author.name }, 2, first.pageInfo.endCursor);
    const third = await page({ actor: author.name }, 2, second.pageInfo.endCursor);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.id)).toEqual(
      all.map((event) => event.id),
    );

    expect(await events({ actor: author.name, action: 'CLAIM_CREATED' })).toHaveLength(4);
    expect(await events({ actor: author.name, entityType: 'BRIEFING' })).toHaveLength(1);
    expect(
      (await events({ entityType: 'CLAIM', entityId: claimIds[2] })).map((event) => event.actor),
    ).toEqual([author.name]);

    const pivot = all[2].at;
    const since = await events({ actor: author.name, since: pivot });
    const until = await events({ actor: author.name, until: pivot });
    expect(since.map((event) => event.id)).toEqual(
      all.filter((event) => event.at >= pivot).map((event) => event.id),
    );
    expect(until.map((event) => event.id)).toEqual(
      all.filter((event) => event.at < pivot).map((event) => event.id),
    );
    expect(since.length + until.length).toBe(all.length);
  });

  it('is for ADMIN only', async () => {
    for (const key of [checker, editor]) {
      const response = await t.gql(AUDIT_EVENTS, { first: 1 }, { key: key.key });
      expect(response.data).toBeNull();
      expect(onlyError(response.errors).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_REQUIRED',
        requiredRole: 'ADMIN',
      });
    }
    const anonymous = await t.gql(AUDIT_EVENTS, { first: 1 }, { key: null });
    expect(onlyError(anonymous.errors).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed filter or cursor as BAD_USER_INPUT naming the field', async () => {
    const badActor = await t.gql(AUDIT_EVENTS, { first: 1, filter: { actor: '' } });
    expect(onlyError(badActor.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.actor',
    });
    const badCursor = await t.gql(AUDIT_EVENTS, { first: 1, after: 'garbage' });
    expect(onlyError(badCursor.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
      field: 'after',
    });
  });
});
