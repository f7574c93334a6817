import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { createBriefing, createClaim } from '../support/factories.js';
import { subscribe } from '../support/subscriber.js';
import { startTestApp, type TestApp, type TestKey } from '../support/test-app.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const CALLS = 200;
const onPostgres = inject('databaseUrl').startsWith('postgres');

const UPDATE = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { version }
}`;

interface ChangeEvent {
  claimStatusChanged: { claim: { id: string; version: number }; change: { to: string } };
}

/**
 * A claim at version v is UNVERIFIED (v = 1), DISPUTED (v even) or NOT_CONFIRMED (v odd > 1);
 * a call expecting version v asks for the other one, so any call whose version is current wins.
 */
const targetFor = (expectedVersion: number) =>
  expectedVersion % 2 === 1 ? 'DISPUTED' : 'NOT_CONFIRMED';

/**
 * 200 concurrent updateVerificationStatus calls at one claim: on PostgreSQL from two instances
 * sharing the database and Redis, on SQLite against one instance. Every success must leave one
 * history row and one version step, every loser a CONFLICT, and a subscriber on the other
 * instance must hear each success exactly once.
 */
describe(`${CALLS} concurrent status changes at one claim (${onPostgres ? 'two instances' : 'one instance'})`, () => {
  let first: TestApp;
  let second: TestApp;
  let checker: TestKey;

  beforeAll(async () => {
    first = await startTestApp(onPostgres ? { redisUrl: REDIS_URL } : {});
    second = onPostgres ? await startTestApp({ redisUrl: REDIS_URL }) : first;
    checker = await first.createKey(Role.FACT_CHECKER, 'racer');
  });

  afterAll(async () => {
    await first.close();
    if (second !== first) await second.close();
  });

  it('loses nothing, duplicates nothing, and announces every success once', async () => {
    const briefing = await createBriefing(first, { title: 'Race' });
    const claim = await createClaim(first, briefing.items[0].id, { text: 'Contested' });
    const subscriber = await subscribe<ChangeEvent>(
      await second.listen(),
      checker.key,
      `subscription ($filter: ClaimFilter) {
        claimStatusChanged(filter: $filter) { claim { id version } change { to } }
      }`,
      { filter: { briefingId: briefing.id } },
    );
    const probe = await createClaim(first, briefing.items[1].id, { text: 'probe' });
    let probeVersion = 1;
    await subscriber.live(async () => {
      const { data } = await first.gql(
        UPDATE,
        {
          input: {
            claimId: probe.id,
            expectedVersion: probeVersion,
            status: targetFor(probeVersion),
          },
        },
        { key: checker.key },
      );
      probeVersion = data.updateVerificationStatus.version;
    });

    // Each call bets on one version; spread the bets so that many calls can succeed in turn.
    const calls = Array.from({ length: CALLS }, (_, i) => {
      const expectedVersion = (i % 40) + 1;
      const app = i % 2 === 0 ? first : second;
      return app.gql(
        UPDATE,
        { input: { claimId: claim.id, expectedVersion, status: targetFor(expectedVersion) } },
        { key: checker.key },
      );
    });
    const responses = await Promise.all(calls);

    const codes = responses.map((r) => r.errors?.[0]?.extensions.code ?? 'OK');
    const successes = responses
      .filter((r) => !r.errors)
      .map((r) => r.data.updateVerificationStatus.version);
    const conflicts = codes.filter((code) => code === 'CONFLICT').length;
    expect(codes.filter((code) => code !== 'OK' && code !== 'CONFLICT')).toEqual([]);
    expect(successes.length + conflicts).toBe(CALLS);
    expect(successes.length).toBeGreaterThan(0);
    // Versions 2, 3, … with no gap and no repeat: one per success.
    expect([...successes].sort((a, b) => a - b)).toEqual(
      Array.from({ length: successes.length }, (_, i) => i + 2),
    );

    const { data } = await first.gql(
      `query ($id: ID!) { claim(id: $id) { version statusHistory { from to } } }`,
      { id: claim.id },
    );
    expect(data.claim.version).toBe(successes.length + 1);
    expect(data.claim.statusHistory).toHaveLength(successes.length + 1);

    const events = await subscriber.waitFor(successes.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heard = events
      .filter((event) => event.claimStatusChanged.claim.id === claim.id)
      .map((event) => event.claimStatusChanged.claim.version)
      .sort((a, b) => a - b);
    expect(heard).toEqual([...successes].sort((a, b) => a - b));
    console.log(
      `${CALLS} calls: ${successes.length} succeeded, ${conflicts} CONFLICT, ` +
        `${heard.length} events heard on the ${onPostgres ? 'other' : 'same'} instance`,
    );
    await subscriber.close();
  });
});
