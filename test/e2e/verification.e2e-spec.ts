import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBriefing,
  createClaim,
  type CreatedBriefing,
  type CreatedClaim,
} from '../support/factories.js';
import { Role } from '../../src/auth/role.js';
import { startTestApp, type GraphqlError, type TestApp } from '../support/test-app.js';

const UPDATE_STATUS = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { id status version updatedAt }
}`;

const CLAIM_WITH_HISTORY = `query ($id: ID!) {
  claim(id: $id) {
    id status version createdAt updatedAt
    statusHistory { id from to note evidenceUrls changedBy changedAt }
  }
}`;

interface StatusStep {
  id: string;
  from: string | null;
  to: string;
  note: string | null;
  evidenceUrls: string[];
  changedBy: string | null;
  changedAt: string;
}

interface ClaimWithHistory {
  id: string;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  statusHistory: StatusStep[];
}

/** Every status a freshly created (UNVERIFIED) claim can move to. */
const TARGETS = [
  'COULD_NOT_VERIFY',
  'NOT_CONFIRMED',
  'DISPUTED',
  'DENIED',
  'CONFIRMED',
  'FALSE',
  'MISLEADING',
  'RETRACTED',
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('verification', () => {
  let t: TestApp;
  let briefing: CreatedBriefing;

  const updateStatus = (input: Record<string, unknown>, key?: string) =>
    t.gql<{ updateVerificationStatus: { id: string; status: string; version: number } }>(
      UPDATE_STATUS,
      { input },
      { key },
    );

  async function readClaim(id: string): Promise<ClaimWithHistory> {
    const { data, errors } = await t.gql<{ claim: ClaimWithHistory }>(CLAIM_WITH_HISTORY, { id });
    expect(errors).toBeUndefined();
    return data.claim;
  }

  const newClaim = (input: Record<string, unknown> = {}): Promise<CreatedClaim> =>
    createClaim(t, briefing.items[0].id, input);

  function onlyError(errors: GraphqlError[] | undefined): GraphqlError {
    expect(errors).toHaveLength(1);
    return errors![0];
  }

  beforeAll(async () => {
    t = await startTestApp();
    briefing = await createBriefing(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('records each step of UNVERIFIED → NOT_CONFIRMED → DISPUTED → FALSE, oldest first, bumping the version', async () => {
    const claim = await newClaim();
    expect(claim).toMatchObject({ version: 1, status: 'UNVERIFIED' });

    const steps = [
      { status: 'NOT_CONFIRMED', note: 'Ukraine did not immediately confirm', changedBy: 'desk' },
      {
        status: 'DISPUTED',
        note: 'Kyiv contests the account',
        evidenceUrls: ['https://evidence.example/kyiv-statement'],
        changedBy: 'night-editor',
      },
      {
        status: 'FALSE',
        note: 'Satellite imagery shows the site intact',
        evidenceUrls: ['https://evidence.example/imagery', 'http://archive.example/report?id=7'],
        changedBy: 'fact-checker',
      },
    ];
    // Each step is made by its own fact-checker's key, whose name the history records.
    const checkers = new Map<string, string>();
    for (const [index, { changedBy, ...step }] of steps.entries()) {
      // Space the steps out so that there are instants strictly between them to ask statusAt about.
      await pause(25);
      const checker = await t.createKey(Role.FACT_CHECKER, changedBy);
      checkers.set(changedBy, checker.name);
      const { data, errors } = await updateStatus(
        { claimId: claim.id, expectedVersion: index + 1, ...step },
        checker.key,
      );
      expect(errors).toBeUndefined();
      expect(data.updateVerificationStatus).toMatchObject({
        id: claim.id,
        status: step.status,
        version: index + 2,
      });
    }

    const stored = await readClaim(claim.id);
    expect(stored).toMatchObject({ status: 'FALSE', version: 4 });
    expect(stored.statusHistory.map(({ id: _id, changedAt: _at, ...rest }) => rest)).toEqual([
      { from: null, to: 'UNVERIFIED', note: null, evidenceUrls: [], changedBy: t.admin.name },
      {
        from: 'UNVERIFIED',
        to: 'NOT_CONFIRMED',
        note: 'Ukraine did not immediately confirm',
        evidenceUrls: [],
        changedBy: checkers.get('desk'),
      },
      {
        from: 'NOT_CONFIRMED',
        to: 'DISPUTED',
        note: 'Kyiv contests the account',
        evidenceUrls: ['https://evidence.example/kyiv-statement'],
        changedBy: checkers.get('night-editor'),
      },
      {
        from: 'DISPUTED',
        to: 'FALSE',
        note: 'Satellite imagery shows the site intact',
        evidenceUrls: ['https://evidence.example/imagery', 'http://archive.example/report?id=7'],
        changedBy: checkers.get('fact-checker'),
      },
    ]);
    expect(new Set(stored.statusHistory.map((step) => step.id)).size).toBe(4);

    const at = stored.statusHistory.map((step) => new Date(step.changedAt).getTime());
    expect(at[0]).toBe(new Date(stored.createdAt).getTime());
    expect(at[3]).toBe(new Date(stored.updatedAt).getTime());
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1] + 2);

    const between = (i: number) => new Date(Math.floor((at[i] + at[i + 1]) / 2)).toISOString();
    const times: Record<string, [string, string | null]> = {
      beforeCreation: [new Date(at[0] - 60_000).toISOString(), null],
      justBeforeCreation: [new Date(at[0] - 1).toISOString(), null],
      atCreation: [stored.statusHistory[0].changedAt, 'UNVERIFIED'],
      afterCreation: [between(0), 'UNVERIFIED'],
      atFirstChange: [stored.statusHistory[1].changedAt, 'NOT_CONFIRMED'],
      afterFirstChange: [between(1), 'NOT_CONFIRMED'],
      afterSecondChange: [between(2), 'DISPUTED'],
      justBeforeLastChange: [new Date(at[3] - 1).toISOString(), 'DISPUTED'],
      atLastChange: [stored.statusHistory[3].changedAt, 'FALSE'],
      farFuture: ['2999-01-01T00:00:00.000Z', 'FALSE'],
    };
    const names = Object.keys(times);
    const { data, errors } = await t.gql(
      `query ($id: ID!, ${names.map((name) => `$${name}: DateTime!`).join(', ')}) {
        claim(id: $id) { ${names.map((name) => `${name}: statusAt(time: $${name})`).join(' ')} }
      }`,
      { id: claim.id, ...Object.fromEntries(names.map((name) => [name, times[name][0]])) },
    );
    expect(errors).toBeUndefined();
    expect(data.claim).toEqual(Object.fromEntries(names.map((name) => [name, times[name][1]])));
  });

  it('reads statusAt times given with a UTC offset as the same instant', async () => {
    const claim = await newClaim();
    await pause(25);
    await updateStatus({ claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' });
    const [created, disputed] = (await readClaim(claim.id)).statusHistory.map((step) =>
      new Date(step.changedAt).getTime(),
    );
    // The same instants, written in a +02:00 zone.
    const inZone = (ms: number) => new Date(ms + 2 * 3600_000).toISOString().replace('Z', '+02:00');

    const { data, errors } = await t.gql(
      `query ($id: ID!, $before: DateTime!, $between: DateTime!, $after: DateTime!) {
        claim(id: $id) {
          before: statusAt(time: $before)
          between: statusAt(time: $between)
          after: statusAt(time: $after)
        }
      }`,
      {
        id: claim.id,
        before: inZone(created - 1),
        between: inZone(Math.floor((created + disputed) / 2)),
        after: inZone(disputed),
      },
    );
    expect(errors).toBeUndefined();
    expect(data.claim).toEqual({ before: null, between: 'UNVERIFIED', after: 'DISPUTED' });
  });

  it.each(['not a date', '2023-13-45T00:00:00Z'])(
    'refuses statusAt(time: %j) as BAD_USER_INPUT instead of answering with a status',
    async (time) => {
      const claim = await newClaim();
      await updateStatus({ claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' });

      const { data, errors } = await t.gql(
        `query ($id: ID!, $time: DateTime!) { claim(id: $id) { id statusAt(time: $time) } }`,
        { id: claim.id, time },
      );

      // An unparseable instant must not be answered as if it were "now".
      expect(data?.claim?.statusAt ?? null).toBeNull();
      expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    },
  );

  it('refuses a stale or future expectedVersion as CONFLICT and changes nothing', async () => {
    const claim = await newClaim();
    const first = await updateStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'NOT_CONFIRMED',
    });
    expect(first.errors).toBeUndefined();
    const before = await readClaim(claim.id);

    const stale = await updateStatus({ claimId: claim.id, expectedVersion: 1, status: 'DISPUTED' });
    expect(stale.data).toBeNull();
    expect(onlyError(stale.errors).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_CONFLICT',
      claimId: claim.id,
      expectedVersion: 1,
      currentVersion: 2,
    });

    const future = await updateStatus({
      claimId: claim.id,
      expectedVersion: 7,
      status: 'DISPUTED',
    });
    expect(onlyError(future.errors).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_CONFLICT',
      expectedVersion: 7,
      currentVersion: 2,
    });

    const after = await readClaim(claim.id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'NOT_CONFIRMED', version: 2 });
    expect(after.statusHistory).toHaveLength(2);
  });

  it('lets exactly one of 20 concurrent updates at the same version win; the rest get CONFLICT', async () => {
    const claim = await newClaim();
    const attempts = Array.from({ length: 20 }, (_, i) => ({
      claimId: claim.id,
      expectedVersion: 1,
      status: TARGETS[i % TARGETS.length],
      note: `attempt ${i}`,
    }));
    const checkers = await Promise.all(
      attempts.map((_, i) => t.createKey(Role.FACT_CHECKER, `checker-${i}`)),
    );

    const responses = await Promise.all(
      attempts.map((input, i) => updateStatus(input, checkers[i].key)),
    );

    const winners = responses.flatMap((response, i) => (response.errors ? [] : [i]));
    expect(winners).toHaveLength(1);
    const winner = attempts[winners[0]];
    expect(responses[winners[0]].data.updateVerificationStatus).toMatchObject({
      id: claim.id,
      status: winner.status,
      version: 2,
    });
    const losers = responses.filter((response) => response.errors);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(onlyError(loser.errors).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
        expectedVersion: 1,
        currentVersion: 2,
      });
    }

    const stored = await readClaim(claim.id);
    expect(stored).toMatchObject({ status: winner.status, version: 2 });
    expect(stored.statusHistory).toHaveLength(2);
    expect(stored.statusHistory[1]).toMatchObject({
      from: 'UNVERIFIED',
      to: winner.status,
      note: winner.note,
      changedBy: checkers[winners[0]].name,
    });
  });

  it('applies 20 concurrent updates on 20 different claims, losing none', async () => {
    const own = await createBriefing(t, { items: ['One paragraph.'] });
    const claims: CreatedClaim[] = [];
    for (let i = 0; i < 20; i++) claims.push(await createClaim(t, own.items[0].id));
    const targets = claims.map((claim, i) => ({
      claimId: claim.id,
      expectedVersion: 1,
      status: TARGETS[i % TARGETS.length],
      note: `update of claim ${i}`,
    }));

    const responses = await Promise.all(targets.map((input) => updateStatus(input)));

    for (const [i, response] of responses.entries()) {
      expect(response.errors).toBeUndefined();
      expect(response.data.updateVerificationStatus).toMatchObject({
        id: targets[i].claimId,
        status: targets[i].status,
        version: 2,
      });
    }
    for (const target of targets) {
      const stored = await readClaim(target.claimId);
      expect(stored).toMatchObject({ status: target.status, version: 2 });
      expect(stored.statusHistory.map((step) => [step.from, step.to, step.note])).toEqual([
        [null, 'UNVERIFIED', null],
        ['UNVERIFIED', target.status, target.note],
      ]);
    }
  });

  it.each(['CONFIRMED', 'FALSE', 'MISLEADING', 'RETRACTED'])(
    'refuses to settle a claim as %s without a note or evidence, and accepts an evidence URL alone',
    async (status) => {
      const claim = await newClaim();

      for (const reasons of [{}, { evidenceUrls: [] }, { note: null, evidenceUrls: null }]) {
        const refused = await updateStatus({
          claimId: claim.id,
          expectedVersion: 1,
          status,
          ...reasons,
        });
        expect(refused.data).toBeNull();
        expect(onlyError(refused.errors).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'REASON_REQUIRED',
          field: 'input.note',
          from: 'UNVERIFIED',
          to: status,
        });
      }
      const unchanged = await readClaim(claim.id);
      expect(unchanged).toMatchObject({ status: 'UNVERIFIED', version: 1 });
      expect(unchanged.statusHistory).toHaveLength(1);

      const evidence = `https://evidence.example/${status.toLowerCase()}`;
      const accepted = await updateStatus({
        claimId: claim.id,
        expectedVersion: 1,
        status,
        evidenceUrls: [evidence],
      });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.updateVerificationStatus).toMatchObject({ status, version: 2 });
      const settled = await readClaim(claim.id);
      expect(settled.statusHistory[1]).toMatchObject({
        from: 'UNVERIFIED',
        to: status,
        note: null,
        evidenceUrls: [evidence],
        changedBy: t.admin.name,
      });
    },
  );

  it('settles a claim with a note alone', async () => {
    const claim = await newClaim();
    const { data, errors } = await updateStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'CONFIRMED',
      note: 'The ministry confirmed it on the record',
    });
    expect(errors).toBeUndefined();
    expect(data.updateVerificationStatus).toMatchObject({ status: 'CONFIRMED', version: 2 });
  });

  it('refuses a move to the status the claim already has as STATUS_UNCHANGED', async () => {
    const claim = await newClaim();
    const same = await updateStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'UNVERIFIED',
    });
    expect(onlyError(same.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'STATUS_UNCHANGED',
      field: 'input.status',
    });

    const moved = await updateStatus({ claimId: claim.id, expectedVersion: 1, status: 'DENIED' });
    expect(moved.errors).toBeUndefined();
    const again = await updateStatus({ claimId: claim.id, expectedVersion: 2, status: 'DENIED' });
    expect(onlyError(again.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'STATUS_UNCHANGED',
      field: 'input.status',
    });

    const stored = await readClaim(claim.id);
    expect(stored).toMatchObject({ status: 'DENIED', version: 2 });
    expect(stored.statusHistory.map((step) => step.to)).toEqual(['UNVERIFIED', 'DENIED']);
  });

  it.each([
    [
      'an ftp:// evidence URL',
      { evidenceUrls: ['ftp://files.example/report.pdf'] },
      'input.evidenceUrls',
    ],
    ['a javascript: evidence URL', { evidenceUrls: ['javascript:alert(1)'] }, 'input.evidenceUrls'],
    [
      'one bad URL among good ones',
      { evidenceUrls: ['https://ok.example/a', 'not a url', 'https://ok.example/b'] },
      'input.evidenceUrls',
    ],
    [
      '21 evidence URLs',
      { evidenceUrls: Array.from({ length: 21 }, (_, i) => `https://evidence.example/${i}`) },
      'input.evidenceUrls',
    ],
    ['a note of 2,001 characters', { note: 'x'.repeat(2001) }, 'input.note'],
    ['an empty note', { note: '' }, 'input.note'],
    ['expectedVersion 0', { expectedVersion: 0 }, 'input.expectedVersion'],
  ])('rejects %s as BAD_USER_INPUT naming the field, changing nothing', async (_, bad, field) => {
    const claim = await newClaim();
    const before = await readClaim(claim.id);

    const { data, errors } = await updateStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'DISPUTED',
      ...bad,
    });

    expect(data).toBeNull();
    expect(onlyError(errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await readClaim(claim.id)).toEqual(before);
  });

  it('accepts exactly 20 evidence URLs and a note of exactly 2,000 characters', async () => {
    const claim = await newClaim();
    const evidenceUrls = Array.from({ length: 20 }, (_, i) => `https://evidence.example/${i}`);
    const note = 'n'.repeat(2000);
    const { errors } = await updateStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'MISLEADING',
      evidenceUrls,
      note,
    });
    expect(errors).toBeUndefined();
    const stored = await readClaim(claim.id);
    expect(stored.statusHistory[1]).toMatchObject({ to: 'MISLEADING', evidenceUrls, note });
  });

  it('answers NOT_FOUND for an unknown claim and BAD_USER_INPUT for a malformed id', async () => {
    const bystander = await newClaim();
    const before = await readClaim(bystander.id);

    const missing = await updateStatus({
      claimId: '987654321',
      expectedVersion: 1,
      status: 'DISPUTED',
    });
    expect(onlyError(missing.errors).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLAIM_NOT_FOUND',
    });

    for (const claimId of ['abc', '0', '-3', '1.5']) {
      const malformed = await updateStatus({ claimId, expectedVersion: 1, status: 'DISPUTED' });
      expect(onlyError(malformed.errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.claimId',
      });
    }

    expect(await readClaim(bystander.id)).toEqual(before);
  });

  it('keeps statusHistory separate per claim when read together in one request', async () => {
    const first = await newClaim();
    const second = await newClaim();
    await updateStatus({ claimId: first.id, expectedVersion: 1, status: 'DISPUTED' });
    await updateStatus({ claimId: second.id, expectedVersion: 1, status: 'DENIED' });
    await updateStatus({ claimId: second.id, expectedVersion: 2, status: 'NOT_CONFIRMED' });

    const { data, errors } = await t.gql(
      `query ($a: ID!, $b: ID!) {
        a: claim(id: $a) { statusHistory { to } now: statusAt(time: "2999-01-01T00:00:00Z") }
        b: claim(id: $b) { statusHistory { to } now: statusAt(time: "2999-01-01T00:00:00Z") }
      }`,
      { a: first.id, b: second.id },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      a: { statusHistory: [{ to: 'UNVERIFIED' }, { to: 'DISPUTED' }], now: 'DISPUTED' },
      b: {
        statusHistory: [{ to: 'UNVERIFIED' }, { to: 'DENIED' }, { to: 'NOT_CONFIRMED' }],
        now: 'NOT_CONFIRMED',
      },
    });
  });
});
