import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import {
  createBriefing,
  createClaim,
  type CreatedBriefing,
  type CreatedClaim,
} from '../support/factories.js';
import {
  startTestApp,
  type GraphqlError,
  type TestApp,
  type TestKey,
} from '../support/test-app.js';

const WORKFLOW_FIELDS = 'id status version assignee followUpAt updatedAt';

const ASSIGN = `mutation ($claimId: ID!, $assignee: String) {
  assignClaim(claimId: $claimId, assignee: $assignee) { ${WORKFLOW_FIELDS} }
}`;
const UPDATE_STATUS = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { ${WORKFLOW_FIELDS} }
}`;
const UPDATE_STATUSES = `mutation ($inputs: [UpdateVerificationStatusInput!]!) {
  updateVerificationStatuses(inputs: $inputs) { ${WORKFLOW_FIELDS} }
}`;
const GET_CLAIM = `query ($id: ID!) {
  claim(id: $id) { ${WORKFLOW_FIELDS} statusHistory { from to note changedBy } }
}`;
const LIST_CLAIMS = `query ($filter: ClaimFilter) {
  claims(filter: $filter, first: 100) { totalCount edges { node { id } } }
}`;
const MY_QUEUE = `query ($first: Int!, $after: String) {
  myQueue(first: $first, after: $after) {
    totalCount
    edges { node { id assignee status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STATUS_EVENTS = `query ($filter: AuditEventFilter) {
  auditEvents(filter: $filter, first: 100) { totalCount }
}`;

interface WorkflowClaim {
  id: string;
  status: string;
  version: number;
  assignee: string | null;
  followUpAt: string | null;
  updatedAt: string;
}

interface StoredClaim extends WorkflowClaim {
  statusHistory: { from: string | null; to: string; note: string | null; changedBy: string }[];
}

const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

describe('workflow', () => {
  let t: TestApp;
  let briefing: CreatedBriefing;

  beforeAll(async () => {
    t = await startTestApp();
    briefing = await createBriefing(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const newClaim = (input: Record<string, unknown> = {}): Promise<CreatedClaim> =>
    createClaim(t, briefing.items[0].id, input);

  /** `count` claims in a briefing of their own, oldest first. */
  async function claimsOfOwnBriefing(count: number): Promise<CreatedClaim[]> {
    const own = await createBriefing(t, { items: ['One paragraph.'] });
    const claims: CreatedClaim[] = [];
    for (let i = 0; i < count; i++) claims.push(await createClaim(t, own.items[0].id));
    return claims;
  }

  async function readClaim(id: string): Promise<StoredClaim> {
    const { data, errors } = await t.gql<{ claim: StoredClaim }>(GET_CLAIM, { id });
    expect(errors).toBeUndefined();
    return data.claim;
  }

  async function listIds(filter: Record<string, unknown>): Promise<string[]> {
    const { data, errors } = await t.gql(LIST_CLAIMS, { filter });
    expect(errors).toBeUndefined();
    return data.claims.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  const assign = (claimId: string, assignee: string | null, key?: string) =>
    t.gql<{ assignClaim: WorkflowClaim }>(ASSIGN, { claimId, assignee }, { key });

  const updateStatus = (input: Record<string, unknown>, key?: string) =>
    t.gql<{ updateVerificationStatus: WorkflowClaim }>(UPDATE_STATUS, { input }, { key });

  const updateStatuses = (inputs: Record<string, unknown>[], key?: string) =>
    t.gql<{ updateVerificationStatuses: WorkflowClaim[] }>(UPDATE_STATUSES, { inputs }, { key });

  function onlyError(errors: GraphqlError[] | undefined): GraphqlError {
    expect(errors).toHaveLength(1);
    return errors![0];
  }

  describe('assignment', () => {
    let checker: TestKey;

    beforeAll(async () => {
      checker = await t.createKey(Role.FACT_CHECKER, 'assignee');
    });

    it('assigns a claim to a key and releases it, leaving version and updatedAt alone', async () => {
      const claim = await newClaim();
      const before = await readClaim(claim.id);

      const assigned = await assign(claim.id, checker.name, checker.key);
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data.assignClaim).toEqual({
        ...withoutHistory(before),
        assignee: checker.name,
      });
      expect(await readClaim(claim.id)).toMatchObject({ assignee: checker.name, version: 1 });

      // The version a fact-checker read before the assignment is still good to write with.
      const moved = await updateStatus({
        claimId: claim.id,
        expectedVersion: 1,
        status: 'DISPUTED',
      });
      expect(moved.errors).toBeUndefined();
      expect(moved.data.updateVerificationStatus).toMatchObject({
        assignee: checker.name,
        version: 2,
      });

      const released = await assign(claim.id, null, checker.key);
      expect(released.errors).toBeUndefined();
      expect(released.data.assignClaim).toMatchObject({ assignee: null, version: 2 });
      expect(await readClaim(claim.id)).toMatchObject({ assignee: null, version: 2 });
    });

    it('refuses an unknown or revoked key as NOT_FOUND and an unknown claim, changing nothing', async () => {
      const claim = await newClaim();
      const unknown = await assign(claim.id, 'nobody-by-this-name');
      expect(unknown.data).toBeNull();
      expect(onlyError(unknown.errors).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ASSIGNEE_NOT_FOUND',
        field: 'assignee',
        assignee: 'nobody-by-this-name',
      });

      const leaver = await t.createKey(Role.FACT_CHECKER, 'leaver');
      const revoked = await t.gql(
        `mutation ($name: String!) { revokeApiKey(name: $name) { name } }`,
        {
          name: leaver.name,
        },
      );
      expect(revoked.errors).toBeUndefined();
      const toRevoked = await assign(claim.id, leaver.name);
      expect(onlyError(toRevoked.errors).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ASSIGNEE_NOT_FOUND',
      });

      const missingClaim = await assign('987654321', checker.name);
      expect(onlyError(missingClaim.errors).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CLAIM_NOT_FOUND',
      });

      expect(await readClaim(claim.id)).toMatchObject({ assignee: null, version: 1 });
    });

    it('lets an EDITOR read assignees but not assign', async () => {
      const editor = await t.createKey(Role.EDITOR, 'no-assigning');
      const claim = await newClaim();
      const refused = await assign(claim.id, checker.name, editor.key);
      expect(onlyError(refused.errors).extensions).toMatchObject({
        code: 'FORBIDDEN',
        requiredRole: 'FACT_CHECKER',
      });
      const read = await t.gql(GET_CLAIM, { id: claim.id }, { key: editor.key });
      expect(read.data.claim.assignee).toBeNull();
    });

    it('filters claims by assignedTo', async () => {
      const other = await t.createKey(Role.FACT_CHECKER, 'other-assignee');
      const [first, second, third, unassigned] = await claimsOfOwnBriefing(4);
      for (const [claim, key] of [
        [first, checker],
        [second, other],
        [third, checker],
      ] as const) {
        expect((await assign(claim.id, key.name)).errors).toBeUndefined();
      }
      const briefingId = (
        await t.gql(`query ($id: ID!) { claim(id: $id) { briefing { id } } }`, {
          id: unassigned.id,
        })
      ).data.claim.briefing.id;

      expect(await listIds({ briefingId, assignedTo: checker.name })).toEqual([third.id, first.id]);
      expect(await listIds({ briefingId, assignedTo: other.name })).toEqual([second.id]);
      expect(await listIds({ briefingId })).toHaveLength(4);
    });
  });

  describe('myQueue', () => {
    type QueuePage = {
      totalCount: number;
      edges: { node: { id: string; assignee: string; status: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };

    async function queue(key: TestKey, first: number, after?: string | null): Promise<QueuePage> {
      const { data, errors } = await t.gql<{ myQueue: QueuePage }>(
        MY_QUEUE,
        { first, after },
        { key: key.key },
      );
      expect(errors).toBeUndefined();
      return data.myQueue;
    }

    it('shows each fact-checker only the open claims assigned to them, oldest first, page by page', async () => {
      const alice = await t.createKey(Role.FACT_CHECKER, 'queue-alice');
      const bob = await t.createKey(Role.FACT_CHECKER, 'queue-bob');
      const [a1, b1, a2, settled, a3, nobody] = await claimsOfOwnBriefing(6);
      for (const claim of [a1, a2, settled, a3]) {
        expect((await assign(claim.id, alice.name, alice.key)).errors).toBeUndefined();
      }
      expect((await assign(b1.id, bob.name, bob.key)).errors).toBeUndefined();
      const verdict = await updateStatus(
        { claimId: settled.id, expectedVersion: 1, status: 'CONFIRMED', note: 'On the record' },
        alice.key,
      );
      expect(verdict.errors).toBeUndefined();
      // An open claim nobody holds stays out of every queue.
      expect(nobody.status).toBe('UNVERIFIED');

      const firstPage = await queue(alice, 2);
      expect(firstPage.totalCount).toBe(3);
      expect(firstPage.edges.map((edge) => edge.node.id)).toEqual([a1.id, a2.id]);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const secondPage = await queue(alice, 2, firstPage.pageInfo.endCursor);
      expect(secondPage.edges.map((edge) => edge.node.id)).toEqual([a3.id]);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);
      expect(
        [...firstPage.edges, ...secondPage.edges].every(
          (edge) => edge.node.assignee === alice.name,
        ),
      ).toBe(true);

      const bobs = await queue(bob, 20);
      expect(bobs.edges.map((edge) => edge.node.id)).toEqual([b1.id]);
      expect(bobs.totalCount).toBe(1);
    });

    it('is closed to an EDITOR', async () => {
      const editor = await t.createKey(Role.EDITOR, 'no-queue');
      const refused = await t.gql(MY_QUEUE, { first: 5 }, { key: editor.key });
      expect(onlyError(refused.errors).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_REQUIRED',
      });
    });
  });

  describe('follow-ups', () => {
    it('stores followUpAt with NOT_CONFIRMED and clears it when the status moves on', async () => {
      const claim = await newClaim();
      const waiting = await updateStatus({
        claimId: claim.id,
        expectedVersion: 1,
        status: 'NOT_CONFIRMED',
        note: 'The ministry did not immediately confirm',
        followUpAt: '2999-01-01T12:00:00+02:00',
      });
      expect(waiting.errors).toBeUndefined();
      expect(waiting.data.updateVerificationStatus).toMatchObject({
        status: 'NOT_CONFIRMED',
        followUpAt: '2999-01-01T10:00:00.000Z',
      });
      expect((await readClaim(claim.id)).followUpAt).toBe('2999-01-01T10:00:00.000Z');

      const moved = await updateStatus({ claimId: claim.id, expectedVersion: 2, status: 'DENIED' });
      expect(moved.errors).toBeUndefined();
      expect(moved.data.updateVerificationStatus.followUpAt).toBeNull();
      expect(await readClaim(claim.id)).toMatchObject({ status: 'DENIED', followUpAt: null });
    });

    it.each(['DISPUTED', 'CONFIRMED', 'UNVERIFIED'])(
      'refuses followUpAt with status %s, naming input.followUpAt',
      async (status) => {
        const claim = await newClaim({ status: 'DISPUTED' });
        const before = await readClaim(claim.id);
        const refused = await updateStatus({
          claimId: claim.id,
          expectedVersion: 1,
          status,
          note: 'A reason',
          followUpAt: FUTURE,
        });
        expect(refused.data).toBeNull();
        expect(onlyError(refused.errors).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'FOLLOW_UP_NOT_ALLOWED',
          field: 'input.followUpAt',
        });
        expect(await readClaim(claim.id)).toEqual(before);
      },
    );

    it('lists NOT_CONFIRMED claims whose follow-up time has passed with followUpDue: true, the rest with false', async () => {
      const [due, later, noTime, unverified] = await claimsOfOwnBriefing(4);
      for (const [claim, followUpAt] of [
        [due, PAST],
        [later, FUTURE],
        [noTime, null],
      ] as const) {
        const { errors } = await updateStatus({
          claimId: claim.id,
          expectedVersion: 1,
          status: 'NOT_CONFIRMED',
          followUpAt,
        });
        expect(errors).toBeUndefined();
      }
      const briefingId = (
        await t.gql(`query ($id: ID!) { claim(id: $id) { briefing { id } } }`, {
          id: due.id,
        })
      ).data.claim.briefing.id;

      expect(await listIds({ briefingId, followUpDue: true })).toEqual([due.id]);
      expect(await listIds({ briefingId, followUpDue: false })).toEqual([
        unverified.id,
        noTime.id,
        later.id,
      ]);
    });
  });

  describe('bulk status changes', () => {
    it('applies a batch and returns the claims in input order', async () => {
      const [first, second, third] = await claimsOfOwnBriefing(3);
      const checker = await t.createKey(Role.FACT_CHECKER, 'bulk');
      const inputs = [
        { claimId: third.id, expectedVersion: 1, status: 'DISPUTED' },
        {
          claimId: first.id,
          expectedVersion: 1,
          status: 'NOT_CONFIRMED',
          followUpAt: FUTURE,
        },
        {
          claimId: second.id,
          expectedVersion: 1,
          status: 'FALSE',
          note: 'Imagery shows otherwise',
        },
      ];
      const { data, errors } = await updateStatuses(inputs, checker.key);
      expect(errors).toBeUndefined();
      expect(
        data.updateVerificationStatuses.map(({ id, status, version, followUpAt }) => ({
          id,
          status,
          version,
          followUpAt,
        })),
      ).toEqual([
        { id: third.id, status: 'DISPUTED', version: 2, followUpAt: null },
        { id: first.id, status: 'NOT_CONFIRMED', version: 2, followUpAt: FUTURE },
        { id: second.id, status: 'FALSE', version: 2, followUpAt: null },
      ]);
      for (const input of inputs) {
        const stored = await readClaim(input.claimId);
        expect(stored).toMatchObject({ status: input.status, version: 2 });
        expect(stored.statusHistory.at(-1)).toMatchObject({
          from: 'UNVERIFIED',
          to: input.status,
          changedBy: checker.name,
        });
      }
    });

    it('accepts exactly 100 changes', async () => {
      const claims = await claimsOfOwnBriefing(100);
      const { data, errors } = await updateStatuses(
        claims.map((claim) => ({ claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' })),
      );
      expect(errors).toBeUndefined();
      expect(data.updateVerificationStatuses.map((claim) => claim.id)).toEqual(
        claims.map((claim) => claim.id),
      );
    });

    it('rejects the whole batch over one stale version: no claim, version, history or audit event changes', async () => {
      const [first, stale, third] = await claimsOfOwnBriefing(3);
      expect(
        (await updateStatus({ claimId: stale.id, expectedVersion: 1, status: 'COULD_NOT_VERIFY' }))
          .errors,
      ).toBeUndefined();
      const claimIds = [first.id, stale.id, third.id];
      const before = await Promise.all(claimIds.map(readClaim));
      const eventsBefore = await Promise.all(
        claimIds.map((entityId) =>
          t.gql(STATUS_EVENTS, { filter: { entityType: 'CLAIM', entityId } }),
        ),
      );

      const { data, errors } = await updateStatuses([
        { claimId: first.id, expectedVersion: 1, status: 'DISPUTED', note: 'Kyiv contests it' },
        { claimId: stale.id, expectedVersion: 1, status: 'DENIED' },
        { claimId: third.id, expectedVersion: 1, status: 'NOT_CONFIRMED' },
      ]);

      expect(data).toBeNull();
      const error = onlyError(errors);
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
        claimId: stale.id,
        index: 1,
        expectedVersion: 1,
        currentVersion: 2,
      });
      expect(error.message).toMatch(/^inputs\.1: /);
      expect(await Promise.all(claimIds.map(readClaim))).toEqual(before);
      expect(
        before.map((claim) => [claim.status, claim.version, claim.statusHistory.length]),
      ).toEqual([
        ['UNVERIFIED', 1, 1],
        ['COULD_NOT_VERIFY', 2, 2],
        ['UNVERIFIED', 1, 1],
      ]);
      const eventsAfter = await Promise.all(
        claimIds.map((entityId) =>
          t.gql(STATUS_EVENTS, { filter: { entityType: 'CLAIM', entityId } }),
        ),
      );
      expect(eventsAfter.map((r) => r.data.auditEvents.totalCount)).toEqual(
        eventsBefore.map((r) => r.data.auditEvents.totalCount),
      );
    });

    it('names the input of a disallowed move, a missing reason, a missing claim or a misplaced follow-up', async () => {
      const [fine, retracted] = await claimsOfOwnBriefing(2);
      expect(
        (
          await updateStatus({
            claimId: retracted.id,
            expectedVersion: 1,
            status: 'RETRACTED',
            note: 'Withdrawn by the ministry',
          })
        ).errors,
      ).toBeUndefined();
      const ok = { claimId: fine.id, expectedVersion: 1, status: 'DISPUTED' };

      const cases: [Record<string, unknown>, Record<string, unknown>][] = [
        [
          { claimId: retracted.id, expectedVersion: 2, status: 'CONFIRMED', note: 'Confirmed' },
          {
            code: 'BAD_USER_INPUT',
            reason: 'TRANSITION_NOT_ALLOWED',
            field: 'inputs.1.status',
            claimId: retracted.id,
          },
        ],
        [
          { claimId: retracted.id, expectedVersion: 2, status: 'UNVERIFIED' },
          {
            code: 'BAD_USER_INPUT',
            reason: 'REASON_REQUIRED',
            field: 'inputs.1.note',
            claimId: retracted.id,
          },
        ],
        [
          { claimId: '987654321', expectedVersion: 1, status: 'DISPUTED' },
          { code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND', claimId: '987654321' },
        ],
        [
          {
            claimId: retracted.id,
            expectedVersion: 2,
            status: 'UNVERIFIED',
            note: 'x',
            followUpAt: FUTURE,
          },
          {
            code: 'BAD_USER_INPUT',
            reason: 'FOLLOW_UP_NOT_ALLOWED',
            field: 'inputs.1.followUpAt',
            claimId: retracted.id,
          },
        ],
      ];
      for (const [bad, expected] of cases) {
        const { data, errors } = await updateStatuses([ok, bad]);
        expect(data).toBeNull();
        expect(onlyError(errors).extensions).toMatchObject({ ...expected, index: 1 });
      }
      expect(await readClaim(fine.id)).toMatchObject({ status: 'UNVERIFIED', version: 1 });
      expect(await readClaim(retracted.id)).toMatchObject({ status: 'RETRACTED', version: 2 });
    });

    it('refuses the same claim twice in one batch', async () => {
      const [claim, other] = await claimsOfOwnBriefing(2);
      const { errors } = await updateStatuses([
        { claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' },
        { claimId: other.id, expectedVersion: 1, status: 'DISPUTED' },
        { claimId: claim.id, expectedVersion: 2, status: 'DENIED' },
      ]);
      expect(onlyError(errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DUPLICATE_CLAIM_IN_BATCH',
        field: 'inputs.2.claimId',
        claimId: claim.id,
        index: 2,
        firstIndex: 0,
      });
      for (const id of [claim.id, other.id]) {
        expect(await readClaim(id)).toMatchObject({ status: 'UNVERIFIED', version: 1 });
      }
    });

    it('refuses an empty batch and one of more than 100, naming inputs', async () => {
      const claim = await newClaim();
      const input = { claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' };
      for (const inputs of [[], Array.from({ length: 101 }, () => input)]) {
        const { data, errors } = await updateStatuses(inputs);
        expect(data).toBeNull();
        expect(onlyError(errors).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'VALIDATION_FAILED',
          field: 'inputs',
        });
      }
      expect(await readClaim(claim.id)).toMatchObject({ status: 'UNVERIFIED', version: 1 });
    });

    it('validates each input, naming it by index', async () => {
      const claim = await newClaim();
      const { errors } = await updateStatuses([
        { claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' },
        { claimId: 'abc', expectedVersion: 1, status: 'DISPUTED' },
      ]);
      expect(onlyError(errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'inputs.1.claimId',
      });
    });
  });

  describe('transitions', () => {
    it('refuses RETRACTED → CONFIRMED with the reason why, and reopens only as UNVERIFIED with a note', async () => {
      const claim = await newClaim();
      const retracted = await updateStatus({
        claimId: claim.id,
        expectedVersion: 1,
        status: 'RETRACTED',
        evidenceUrls: ['https://evidence.example/withdrawal'],
      });
      expect(retracted.errors).toBeUndefined();

      const confirmed = await updateStatus({
        claimId: claim.id,
        expectedVersion: 2,
        status: 'CONFIRMED',
        note: 'Confirmed after all',
      });
      const refusal = onlyError(confirmed.errors);
      expect(refusal.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TRANSITION_NOT_ALLOWED',
        field: 'input.status',
        from: 'RETRACTED',
        to: 'CONFIRMED',
      });
      expect(refusal.message).toContain('a retracted claim can only be reopened as UNVERIFIED');

      const bare = await updateStatus({
        claimId: claim.id,
        expectedVersion: 2,
        status: 'UNVERIFIED',
      });
      expect(onlyError(bare.errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REASON_REQUIRED',
        field: 'input.note',
        from: 'RETRACTED',
        to: 'UNVERIFIED',
      });
      expect(await readClaim(claim.id)).toMatchObject({ status: 'RETRACTED', version: 2 });

      const reopened = await updateStatus({
        claimId: claim.id,
        expectedVersion: 2,
        status: 'UNVERIFIED',
        note: 'The speaker repeated it the next day',
      });
      expect(reopened.errors).toBeUndefined();
      expect((await readClaim(claim.id)).statusHistory.map((step) => step.to)).toEqual([
        'UNVERIFIED',
        'RETRACTED',
        'UNVERIFIED',
      ]);
    });

    it('asks a reason to reopen a verdict, but none between open statuses', async () => {
      const claim = await newClaim();
      const open = await updateStatus({ claimId: claim.id, expectedVersion: 1, status: 'DENIED' });
      expect(open.errors).toBeUndefined();
      const verdict = await updateStatus({
        claimId: claim.id,
        expectedVersion: 2,
        status: 'CONFIRMED',
        note: 'Confirmed by both sides',
      });
      expect(verdict.errors).toBeUndefined();

      const bare = await updateStatus({
        claimId: claim.id,
        expectedVersion: 3,
        status: 'DISPUTED',
      });
      expect(onlyError(bare.errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REASON_REQUIRED',
        from: 'CONFIRMED',
        to: 'DISPUTED',
      });
      const reopened = await updateStatus({
        claimId: claim.id,
        expectedVersion: 3,
        status: 'DISPUTED',
        evidenceUrls: ['https://evidence.example/new-footage'],
      });
      expect(reopened.errors).toBeUndefined();
      expect(reopened.data.updateVerificationStatus).toMatchObject({
        status: 'DISPUTED',
        version: 4,
      });
    });
  });
});

function withoutHistory({ statusHistory: _history, ...claim }: StoredClaim): WorkflowClaim {
  return claim;
}
