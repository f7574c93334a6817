import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { createBriefing, createClaim, type CreatedBriefing } from '../support/factories.js';
import { subscribe } from '../support/subscriber.js';
import { startTestApp, type TestApp, type TestKey } from '../support/test-app.js';

const STATUS_CHANGED = `subscription ($filter: ClaimFilter) {
  claimStatusChanged(filter: $filter) {
    claim { id status version speaker { name } briefing { id } }
    change { from to note changedBy }
  }
}`;

const CLAIM_CREATED = `subscription ($filter: ClaimFilter) {
  claimCreated(filter: $filter) { id text status reportedBy { name } }
}`;

interface StatusChanged {
  claimStatusChanged: {
    claim: { id: string; status: string; version: number; briefing: { id: string } };
    change: { from: string; to: string; note: string | null; changedBy: string };
  };
}

describe('subscriptions', () => {
  let t: TestApp;
  let url: string;
  let researcher: TestKey;
  let checker: TestKey;
  let watched: CreatedBriefing;
  let other: CreatedBriefing;

  const setStatus = (claimId: string, expectedVersion: number, status: string, key = checker.key) =>
    t.gql(
      `mutation ($input: UpdateVerificationStatusInput!) { updateVerificationStatus(input: $input) { version } }`,
      { input: { claimId, expectedVersion, status, note: `to ${status}` } },
      { key },
    );

  /** A claim in the watched briefing, moved back and forth until the subscriber hears it. */
  async function probeFor(briefing: CreatedBriefing) {
    const probe = await createClaim(t, briefing.items[0].id, { text: 'probe' });
    let version = 1;
    return async () => {
      const { data } = await setStatus(
        probe.id,
        version,
        version % 2 ? 'DISPUTED' : 'NOT_CONFIRMED',
      );
      version = data.updateVerificationStatus.version;
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
    researcher = await t.createKey(Role.RESEARCHER, 'listener');
    checker = await t.createKey(Role.FACT_CHECKER, 'checker');
    watched = await createBriefing(t, { title: 'Watched' });
    other = await createBriefing(t, { title: 'Elsewhere' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('delivers committed status changes of matching claims only, once each, with the change', async () => {
    const subscriber = await subscribe<StatusChanged>(url, researcher.key, STATUS_CHANGED, {
      filter: { briefingId: watched.id },
    });
    await subscriber.live(await probeFor(watched));

    const mine = await createClaim(t, watched.items[1].id, { text: 'Watched claim' });
    const notMine = await createClaim(t, other.items[0].id, { text: 'Other claim' });
    expect((await setStatus(notMine.id, 1, 'DISPUTED')).errors).toBeUndefined();
    expect((await setStatus(mine.id, 1, 'NOT_CONFIRMED')).errors).toBeUndefined();
    expect((await setStatus(mine.id, 2, 'FALSE')).errors).toBeUndefined();
    // A refused change (stale version) is never announced.
    expect((await setStatus(mine.id, 1, 'DISPUTED')).errors?.[0].extensions.code).toBe('CONFLICT');

    const events = await subscriber.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.map((e) => e.claimStatusChanged)).toEqual([
      {
        claim: {
          id: mine.id,
          status: 'NOT_CONFIRMED',
          version: 2,
          speaker: expect.any(Object),
          briefing: { id: watched.id },
        },
        change: {
          from: 'UNVERIFIED',
          to: 'NOT_CONFIRMED',
          note: 'to NOT_CONFIRMED',
          changedBy: checker.name,
        },
      },
      {
        claim: {
          id: mine.id,
          status: 'FALSE',
          version: 3,
          speaker: expect.any(Object),
          briefing: { id: watched.id },
        },
        change: { from: 'NOT_CONFIRMED', to: 'FALSE', note: 'to FALSE', changedBy: checker.name },
      },
    ]);
    await subscriber.close();
  });

  it('announces new claims that match the filter, with their relations resolved', async () => {
    const subscriber = await subscribe<{ claimCreated: { id: string; text: string } }>(
      url,
      researcher.key,
      CLAIM_CREATED,
      { filter: { briefingId: watched.id, search: 'announced' } },
    );
    await subscriber.live(() => createClaim(t, watched.items[0].id, { text: 'announced probe' }));

    await createClaim(t, other.items[0].id, { text: 'announced elsewhere' });
    await createClaim(t, watched.items[0].id, { text: 'not to be heard' });
    const heard = await createClaim(t, watched.items[0].id, {
      text: 'announced for real',
      reportedBy: ['Wire Service'],
    });

    const events = await subscriber.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([
      {
        claimCreated: {
          id: heard.id,
          text: 'announced for real',
          status: 'UNVERIFIED',
          reportedBy: [{ name: 'Wire Service' }],
        },
      },
    ]);
    await subscriber.close();
  });

  it('refuses a connection without a valid key at connection_init', async () => {
    // Mercurius answers with a connection_error message, which ends the client's connection.
    await expect(subscribe(url, null, STATUS_CHANGED)).rejects.toThrow();
    await expect(
      subscribe(url, `ctk_AAAAAAAAAAAA_${'x'.repeat(43)}`, STATUS_CHANGED),
    ).rejects.toThrow();
  });

  it('validates the filter when the subscription starts', async () => {
    const subscriber = await subscribe(url, researcher.key, STATUS_CHANGED, {
      filter: { speakerId: 'not-an-id' },
    });
    await expect(subscriber.waitFor(1, 5000)).rejects.toMatchObject({
      failure: [
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ],
    });
    await subscriber.close();
  });
});
