import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefing, createClaim, uniqueName } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ITEM_TEXT = 'Kremlin spokesman Dmitry Peskov said Putin accepted the invitation.';

/** What most tests read back from a claim. */
const CLAIM_FIELDS = `
  id text status version speakerRole verificationPhrase createdAt updatedAt
  quote { text start end }
  speaker { id name }
  reportedBy { id name }
  statusHistory { from to note }
`;

const CREATE_CLAIM = `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { ${CLAIM_FIELDS} } }`;
const UPDATE_CLAIM = `mutation ($input: UpdateClaimInput!) { updateClaim(input: $input) { ${CLAIM_FIELDS} } }`;
const GET_CLAIM = `query ($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`;
const LINK_CLAIMS = `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { id type } }`;
const UPDATE_STATUS = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { id status version }
}`;
const LIST_CLAIMS = `query ($filter: ClaimFilter, $first: Int!, $after: String, $orderBy: ClaimOrder) {
  claims(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id text status } }
    pageInfo { hasNextPage startCursor endCursor }
  }
}`;

interface ClaimView {
  id: string;
  text: string;
  status: string;
  version: number;
  speakerRole: string | null;
  verificationPhrase: string | null;
  createdAt: string;
  updatedAt: string;
  quote: { text: string; start: number | null; end: number | null } | null;
  speaker: { id: string; name: string };
  reportedBy: { id: string; name: string }[];
  statusHistory: { from: string | null; to: string; note: string | null }[];
}

interface ClaimPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; text: string; status: string } }[];
  pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('claims', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A request that must succeed; returns its data. */

  /** A request that must fail; returns its first error. */

  async function create(input: Record<string, unknown>): Promise<ClaimView> {
    const data = await t.ok<{ createClaim: ClaimView }>(CREATE_CLAIM, {
      input: { text: 'Putin accepted the invitation', ...input },
    });
    return data.createClaim;
  }

  async function getClaim(id: string): Promise<ClaimView> {
    return (await t.ok<{ claim: ClaimView }>(GET_CLAIM, { id })).claim;
  }

  async function list(
    filter: Record<string, unknown>,
    args: { first?: number; after?: string | null; orderBy?: Record<string, string> } = {},
  ): Promise<ClaimPage> {
    const variables = { filter, ...args, first: args.first ?? 100 };
    return (await t.ok<{ claims: ClaimPage }>(LIST_CLAIMS, variables)).claims;
  }

  /** Ids of every claim matching `filter`, checking totalCount agrees. */
  async function idsMatching(filter: Record<string, unknown>): Promise<string[]> {
    const page = await list(filter);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((edge) => edge.node.id);
  }

  async function link(fromClaimId: string, toClaimId: string, type: string) {
    await t.ok(LINK_CLAIMS, { input: { fromClaimId, toClaimId, type } });
  }

  async function speakerCount(search: string): Promise<number> {
    const data = await t.ok<{ speakers: { totalCount: number } }>(
      `query ($search: String) { speakers(search: $search) { totalCount } }`,
      { search },
    );
    return data.speakers.totalCount;
  }

  async function outletCount(search: string): Promise<number> {
    const data = await t.ok<{ outlets: { totalCount: number } }>(
      `query ($search: String) { outlets(search: $search) { totalCount } }`,
      { search },
    );
    return data.outlets.totalCount;
  }

  describe('createClaim', () => {
    it('finds one speaker for names differing only in case, spacing and a leading "the"', async () => {
      const briefing = await createBriefing(t);
      const base = uniqueName('Ministry');
      const first = await create({ itemId: briefing.items[0].id, speakerName: ` the  ${base} ` });
      const second = await create({
        itemId: briefing.items[0].id,
        speakerName: base.toLowerCase(),
      });

      expect(second.speaker.id).toBe(first.speaker.id);
      expect(first.speaker.name).toContain(base);
      expect(await speakerCount(base)).toBe(1);
    });

    it('accepts an existing speaker by speakerId', async () => {
      const briefing = await createBriefing(t);
      const named = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('Peskov'),
      });
      const byId = await create({ itemId: briefing.items[1].id, speakerId: named.speaker.id });
      expect(byId.speaker).toEqual(named.speaker);
    });

    it('finds or creates one speaker and one outlet when requests name them at once', async () => {
      const briefing = await createBriefing(t);
      const speakerName = uniqueName('Concurrent Speaker');
      const outletName = uniqueName('Concurrent Wire');
      const claims = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          create({
            itemId: briefing.items[0].id,
            speakerName: i % 2 ? speakerName.toUpperCase() : speakerName,
            reportedBy: [i % 2 ? `the ${outletName}` : outletName],
          }),
        ),
      );
      expect(new Set(claims.map((claim) => claim.speaker.id)).size).toBe(1);
      expect(new Set(claims.map((claim) => claim.reportedBy[0].id)).size).toBe(1);
      expect(await speakerCount(speakerName)).toBe(1);
      expect(await outletCount(outletName)).toBe(1);
    });

    it('refuses a blank speakerName or outlet name instead of recording a nameless actor', async () => {
      const briefing = await createBriefing(t);
      const blankSpeaker = await t.gql(CREATE_CLAIM, {
        input: { itemId: briefing.items[0].id, text: 'x', speakerName: '   ' },
      });
      expect(blankSpeaker.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.speakerName',
      });

      const blankOutlet = await t.gql(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          text: 'x',
          speakerName: uniqueName('S'),
          reportedBy: [uniqueName('Wire'), ' \t '],
        },
      });
      expect(blankOutlet.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(blankOutlet.errors?.[0].extensions.field).toMatch(/^input\.reportedBy/);
      expect((await list({ briefingId: briefing.id })).totalCount).toBe(0);
    });

    it('refuses an unknown speakerId as NOT_FOUND', async () => {
      const briefing = await createBriefing(t);
      const error = await t.fails(CREATE_CLAIM, {
        input: { itemId: briefing.items[0].id, text: 'x', speakerId: '987654321' },
      });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SPEAKER_NOT_FOUND' });
    });

    it.each([
      ['both speakerId and speakerName', true, true],
      ['neither speakerId nor speakerName', false, false],
    ])('refuses %s with SPEAKER_REQUIRED', async (_label, withId, withName) => {
      const briefing = await createBriefing(t);
      const existing = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          text: 'Putin accepted the invitation',
          ...(withId ? { speakerId: existing.speaker.id } : {}),
          ...(withName ? { speakerName: uniqueName('Other') } : {}),
        },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SPEAKER_REQUIRED',
      });
    });

    it('returns reportedBy nearest first and reuses outlets by normalised name', async () => {
      const briefing = await createBriefing(t);
      const wire = uniqueName('Yonhap');
      const relay = uniqueName('Ministry Readout');
      const paper = uniqueName('Herald');
      const first = await create({
        itemId: briefing.items[1].id,
        speakerName: uniqueName('S'),
        reportedBy: [wire, relay],
      });
      expect(first.reportedBy.map((outlet) => outlet.name)).toEqual([wire, relay]);

      const second = await create({
        itemId: briefing.items[1].id,
        speakerName: uniqueName('S'),
        reportedBy: [paper, `The   ${relay.toUpperCase()}`, ` ${wire.toLowerCase()} `],
      });
      expect(second.reportedBy.map((outlet) => outlet.name)).toEqual([paper, relay, wire]);
      expect(second.reportedBy[1].id).toBe(first.reportedBy[1].id);
      expect(second.reportedBy[2].id).toBe(first.reportedBy[0].id);
      expect(await outletCount(relay)).toBe(1);

      const reread = await getClaim(first.id);
      expect(reread.reportedBy).toEqual(first.reportedBy);
    });

    it('computes the quote offsets from the item text', async () => {
      const briefing = await createBriefing(t, { items: [ITEM_TEXT] });
      const quote = 'Putin accepted the invitation';
      const claim = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('S'),
        quote,
      });
      expect(claim.quote).toEqual({ text: quote, start: 37, end: 66 });
      expect(ITEM_TEXT.slice(37, 66)).toBe(quote);

      const withoutQuote = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('S'),
      });
      expect(withoutQuote.quote).toBeNull();
    });

    it('refuses a quote that is not in the item and writes nothing', async () => {
      const briefing = await createBriefing(t, { items: [ITEM_TEXT] });
      await createClaim(t, briefing.items[0].id);
      const countInBriefing = async () => (await list({ briefingId: briefing.id })).totalCount;
      const before = await countInBriefing();
      const newSpeaker = uniqueName('Never Recorded');
      const newOutlet = uniqueName('Never Relayed');

      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          text: 'Putin declined the invitation',
          quote: 'Putin declined the invitation',
          speakerName: newSpeaker,
          reportedBy: [newOutlet],
        },
      });

      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUOTE_NOT_IN_ITEM',
        field: 'input.quote',
      });
      expect(await countInBriefing()).toBe(before);
      expect(before).toBe(1);
      expect(await speakerCount(newSpeaker)).toBe(0);
      expect(await outletCount(newOutlet)).toBe(0);
    });

    it('places a repeated quote at quoteStart, and refuses a quoteStart where it is not', async () => {
      const text = 'Peace now. Peace now.';
      const briefing = await createBriefing(t, { items: [text] });
      const itemId = briefing.items[0].id;

      const firstOccurrence = await create({
        itemId,
        speakerName: uniqueName('S'),
        quote: 'Peace now',
      });
      expect(firstOccurrence.quote).toEqual({ text: 'Peace now', start: 0, end: 9 });

      const second = await create({
        itemId,
        speakerName: uniqueName('S'),
        quote: 'Peace now',
        quoteStart: 11,
      });
      expect(second.quote).toEqual({ text: 'Peace now', start: 11, end: 20 });
      expect(text.slice(11, 20)).toBe('Peace now');

      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId,
          text: 'x',
          speakerName: uniqueName('S'),
          quote: 'Peace now',
          quoteStart: 3,
        },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUOTE_NOT_IN_ITEM',
        field: 'input.quote',
      });
    });

    it('accepts text of 5000 characters and refuses 5001 naming input.text', async () => {
      const briefing = await createBriefing(t);
      const longest = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('S'),
        text: 'x'.repeat(5000),
      });
      expect(longest.text).toHaveLength(5000);

      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          speakerName: uniqueName('S'),
          text: 'x'.repeat(5001),
        },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    });

    it('answers NOT_FOUND for an unknown itemId', async () => {
      const error = await t.fails(CREATE_CLAIM, {
        input: { itemId: '987654321', text: 'x', speakerName: uniqueName('S') },
      });
      expect(error.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'BRIEFING_ITEM_NOT_FOUND',
      });
    });

    it('refuses an outlet named twice in reportedBy', async () => {
      const briefing = await createBriefing(t);
      const outlet = uniqueName('Wire');
      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          text: 'x',
          speakerName: uniqueName('S'),
          reportedBy: [outlet, uniqueName('Other'), `the ${outlet.toUpperCase()}`],
        },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DUPLICATE_OUTLET_IN_CHAIN',
        field: 'input.reportedBy',
      });
      expect(await outletCount(outlet)).toBe(0);
    });

    it('refuses a settled initial status without a verificationPhrase', async () => {
      const briefing = await createBriefing(t);
      const error = await t.fails(CREATE_CLAIM, {
        input: {
          itemId: briefing.items[0].id,
          text: 'x',
          speakerName: uniqueName('S'),
          status: 'CONFIRMED',
        },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SETTLED_WITHOUT_EVIDENCE',
        field: 'input.verificationPhrase',
      });
      expect((await list({ briefingId: briefing.id })).totalCount).toBe(0);
    });

    it('starts the status history with one step from null', async () => {
      const briefing = await createBriefing(t);
      const unverified = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('S'),
      });
      expect(unverified.status).toBe('UNVERIFIED');
      expect(unverified.version).toBe(1);
      expect(unverified.statusHistory).toMatchObject([{ from: null, to: 'UNVERIFIED' }]);

      const phrase = 'Ukraine confirmed the strikes';
      const confirmed = await create({
        itemId: briefing.items[1].id,
        speakerName: uniqueName('S'),
        status: 'CONFIRMED',
        verificationPhrase: phrase,
      });
      expect(confirmed.status).toBe('CONFIRMED');
      expect(confirmed.verificationPhrase).toBe(phrase);
      expect(confirmed.statusHistory).toHaveLength(1);
      expect(confirmed.statusHistory[0]).toMatchObject({ from: null, to: 'CONFIRMED' });
      expect((await getClaim(confirmed.id)).statusHistory).toEqual(confirmed.statusHistory);
    });
  });

  describe('claims(filter)', () => {
    it('filters by a list of statuses and by open', async () => {
      const briefing = await createBriefing(t);
      const itemId = briefing.items[0].id;
      const phrase = { verificationPhrase: 'as the record shows' };
      const unverified = await createClaim(t, itemId);
      const disputed = await createClaim(t, itemId, { status: 'DISPUTED' });
      const confirmed = await createClaim(t, itemId, { status: 'CONFIRMED', ...phrase });
      const falseClaim = await createClaim(t, itemId, { status: 'FALSE', ...phrase });
      const denied = await createClaim(t, itemId, { status: 'DENIED' });

      const byStatus = await idsMatching({
        briefingId: briefing.id,
        status: ['DISPUTED', 'FALSE'],
      });
      expect(byStatus.sort()).toEqual([disputed.id, falseClaim.id].sort());

      const open = await idsMatching({ briefingId: briefing.id, open: true });
      expect(open.sort()).toEqual([unverified.id, disputed.id, denied.id].sort());

      const settled = await idsMatching({ briefingId: briefing.id, open: false });
      expect(settled.sort()).toEqual([confirmed.id, falseClaim.id].sort());

      const both = await idsMatching({ briefingId: briefing.id, open: true, status: ['FALSE'] });
      expect(both).toEqual([]);
    });

    it('filters by speakerId', async () => {
      const briefing = await createBriefing(t);
      const mine = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      const again = await create({ itemId: briefing.items[1].id, speakerId: mine.speaker.id });
      await createClaim(t, briefing.items[0].id);
      const other = await createBriefing(t);
      const elsewhere = await create({ itemId: other.items[0].id, speakerId: mine.speaker.id });

      const ids = await idsMatching({ speakerId: mine.speaker.id });
      expect(ids.sort()).toEqual([mine.id, again.id, elsewhere.id].sort());
      const inBriefing = await idsMatching({ speakerId: mine.speaker.id, briefingId: briefing.id });
      expect(inBriefing.sort()).toEqual([mine.id, again.id].sort());
    });

    it("filters by outletId: the briefing's publisher and any reportedBy hop", async () => {
      const publisher = uniqueName('Publisher');
      const wire = uniqueName('Wire');
      const published = await createBriefing(t, { outletName: publisher });
      const elsewhere = await createBriefing(t, { outletName: uniqueName('Elsewhere') });

      const direct = await createClaim(t, published.items[0].id);
      const relayedSecondHop = await createClaim(t, elsewhere.items[0].id, {
        reportedBy: [wire, publisher],
      });
      const relayedFirstHop = await createClaim(t, elsewhere.items[1].id, { reportedBy: [wire] });
      await createClaim(t, elsewhere.items[1].id);

      const outletIds = await t.ok<{ a: ClaimView; b: ClaimView }>(
        `query ($a: ID!, $b: ID!) { a: claim(id: $a) { reportedBy { id } } b: claim(id: $b) { reportedBy { id } } }`,
        { a: relayedSecondHop.id, b: relayedFirstHop.id },
      );
      const publisherId = outletIds.a.reportedBy[1].id;
      const wireId = outletIds.b.reportedBy[0].id;

      const byPublisher = await idsMatching({ outletId: publisherId });
      expect(byPublisher.sort()).toEqual([direct.id, relayedSecondHop.id].sort());

      const byWire = await idsMatching({ outletId: wireId });
      expect(byWire.sort()).toEqual([relayedSecondHop.id, relayedFirstHop.id].sort());
    });

    it('filters by briefingId', async () => {
      const briefing = await createBriefing(t);
      const other = await createBriefing(t);
      const a = await createClaim(t, briefing.items[0].id);
      const b = await createClaim(t, briefing.items[1].id);
      await createClaim(t, other.items[0].id);
      expect((await idsMatching({ briefingId: briefing.id })).sort()).toEqual([a.id, b.id].sort());
    });

    it('searches for all words, in any case, with % and _ taken literally', async () => {
      const briefing = await createBriefing(t);
      const itemId = briefing.items[0].id;
      const texts = {
        both: 'Missiles struck the Port of Odesa overnight',
        one: 'Missiles were intercepted',
        percent: 'Turnout reached 100% in the district',
        noPercent: 'Turnout reached 1000 in the district',
        underscore: 'The file was named strike_report',
        noUnderscore: 'The file was named strikeXreport',
      };
      const ids: Record<string, string> = {};
      for (const [key, text] of Object.entries(texts)) {
        ids[key] = (await createClaim(t, itemId, { text })).id;
      }
      const search = (words: string) => idsMatching({ briefingId: briefing.id, search: words });

      expect(await search('PORT missiles')).toEqual([ids.both]);
      expect((await search('missiles')).sort()).toEqual([ids.both, ids.one].sort());
      expect(await search('  odesa   OVERNIGHT  ')).toEqual([ids.both]);
      expect(await search('missiles kherson')).toEqual([]);
      expect(await search('100%')).toEqual([ids.percent]);
      expect(await search('%')).toEqual([ids.percent]);
      expect(await search('strike_report')).toEqual([ids.underscore]);
      expect(await search('_')).toEqual([ids.underscore]);
    });

    it('searches non-ASCII words in any case', async () => {
      const briefing = await createBriefing(t);
      const claim = await createClaim(t, briefing.items[0].id, {
        text: 'Macron met Élysée staff before the talks in Київ',
      });
      const search = (words: string) => idsMatching({ briefingId: briefing.id, search: words });

      expect(await search('Київ')).toEqual([claim.id]);
      expect(await search('КИЇВ')).toEqual([claim.id]);
      expect(await search('élysée')).toEqual([claim.id]);
      expect(await search('ÉLYSÉE macron')).toEqual([claim.id]);
    });

    it('filters by since (inclusive) and until (exclusive)', async () => {
      const briefing = await createBriefing(t);
      const early = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      await pause(20);
      const middle = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      await pause(20);
      const late = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      expect(new Date(early.createdAt) < new Date(middle.createdAt)).toBe(true);
      expect(new Date(middle.createdAt) < new Date(late.createdAt)).toBe(true);
      const briefingId = briefing.id;

      expect(await idsMatching({ briefingId, since: middle.createdAt })).toEqual([
        late.id,
        middle.id,
      ]);
      expect(await idsMatching({ briefingId, until: middle.createdAt })).toEqual([early.id]);
      expect(
        await idsMatching({ briefingId, since: middle.createdAt, until: late.createdAt }),
      ).toEqual([middle.id]);
      expect(await idsMatching({ briefingId, since: '2000-01-01T00:00:00.000Z' })).toHaveLength(3);
      expect(await idsMatching({ briefingId, until: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it('filters by hasCounterClaims: COUNTERS or DENIES, in either direction', async () => {
      const briefing = await createBriefing(t);
      const itemId = briefing.items[0].id;
      const [a, b, c, d, e, f] = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() => createClaim(t, itemId)),
      );
      await link(a.id, b.id, 'COUNTERS');
      await link(d.id, c.id, 'DENIES');
      await link(e.id, f.id, 'SUPPORTS');
      await link(f.id, e.id, 'RESPONDS_TO');

      const withCounter = await idsMatching({ briefingId: briefing.id, hasCounterClaims: true });
      expect(withCounter.sort()).toEqual([a.id, b.id, c.id, d.id].sort());
      const without = await idsMatching({ briefingId: briefing.id, hasCounterClaims: false });
      expect(without.sort()).toEqual([e.id, f.id].sort());

      const counterClaims = await t.ok<{ claim: { counterClaims: { id: string }[] } }>(
        `query ($id: ID!) { claim(id: $id) { counterClaims { id } } }`,
        { id: b.id },
      );
      expect(counterClaims.claim.counterClaims).toEqual([{ id: a.id }]);
    });
  });

  describe('pagination', () => {
    it('answers an empty page for a filter that matches nothing', async () => {
      const briefing = await createBriefing(t);
      const page = await list({ briefingId: briefing.id }, { first: 2 });
      expect(page).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
      });
    });

    it('pages 5 claims two at a time, newest first, without gaps or duplicates', async () => {
      const briefing = await createBriefing(t);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await createClaim(t, briefing.items[0].id)).id);
      const filter = { briefingId: briefing.id };

      const first = await list(filter, { first: 2 });
      expect(first.edges.map((edge) => edge.node.id)).toEqual([created[4], created[3]]);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true });
      expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
      expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);

      const second = await list(filter, { first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge) => edge.node.id)).toEqual([created[2], created[1]]);
      expect(second.pageInfo.hasNextPage).toBe(true);

      const last = await list(filter, { first: 2, after: second.pageInfo.endCursor });
      expect(last.edges.map((edge) => edge.node.id)).toEqual([created[0]]);
      expect(last.pageInfo.hasNextPage).toBe(false);

      for (const page of [first, second, last]) expect(page.totalCount).toBe(5);

      const beyond = await list(filter, { first: 2, after: last.pageInfo.endCursor });
      expect(beyond.edges).toEqual([]);
      expect(beyond.pageInfo).toEqual({ hasNextPage: false, startCursor: null, endCursor: null });
      expect(beyond.totalCount).toBe(5);
    });

    it('orders by CREATED_AT ascending when asked', async () => {
      const briefing = await createBriefing(t);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await createClaim(t, briefing.items[0].id)).id);
      const filter = { briefingId: briefing.id };
      const orderBy = { field: 'CREATED_AT', direction: 'ASC' };

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: ClaimPage = await list(filter, { first: 2, after, orderBy });
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((edge) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 10);

      expect(pages).toBe(3);
      expect(seen).toEqual(created);
    });

    it('orders by UPDATED_AT, so a corrected claim moves to the front', async () => {
      const briefing = await createBriefing(t);
      const created: string[] = [];
      for (let i = 0; i < 3; i++) created.push((await createClaim(t, briefing.items[0].id)).id);
      await pause(5);
      await t.ok(UPDATE_CLAIM, {
        input: { claimId: created[0], expectedVersion: 1, text: 'Fixed' },
      });
      const orderBy = { field: 'UPDATED_AT', direction: 'DESC' };

      const first = await list({ briefingId: briefing.id }, { first: 2, orderBy });
      const rest = await list(
        { briefingId: briefing.id },
        { first: 2, orderBy, after: first.pageInfo.endCursor },
      );
      expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual([
        created[0],
        created[2],
        created[1],
      ]);
    });

    it('keeps totalCount the filtered count on every page', async () => {
      const briefing = await createBriefing(t);
      for (let i = 0; i < 3; i++)
        await createClaim(t, briefing.items[0].id, { status: 'DISPUTED' });
      for (let i = 0; i < 2; i++) await createClaim(t, briefing.items[0].id);
      const filter = { briefingId: briefing.id, status: ['DISPUTED'] };

      const first = await list(filter, { first: 2 });
      const second = await list(filter, { first: 2, after: first.pageInfo.endCursor });
      expect(first.totalCount).toBe(3);
      expect(second.totalCount).toBe(3);
      expect(first.edges).toHaveLength(2);
      expect(second.edges).toHaveLength(1);
      expect(second.pageInfo.hasNextPage).toBe(false);
      for (const edge of [...first.edges, ...second.edges])
        expect(edge.node.status).toBe('DISPUTED');
    });

    it.each([
      ['garbage', 'not a cursor!'],
      ['a cursor of the wrong shape', Buffer.from('[1]').toString('base64url')],
      ['a cursor whose value is not a date', Buffer.from('["soon", 5]').toString('base64url')],
    ])('refuses %s as INVALID_CURSOR on after', async (_label, after) => {
      const error = await t.fails(LIST_CLAIMS, { first: 2, after });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
        field: 'after',
      });
    });

    it.each([0, 101, -1])('refuses first: %i naming first', async (first) => {
      const error = await t.fails(LIST_CLAIMS, { first });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('applies the default of a non-null variable on every request, not only the first', async () => {
      // The spec (and graphql-js) use a variable's default when the client omits it; the same
      // document is run several times so the JIT-compiled execution is exercised too.
      const briefing = await createBriefing(t);
      for (let i = 0; i < 3; i++) await createClaim(t, briefing.items[0].id);
      const query = `query ($briefingId: ID!, $first: Int! = 2) {
        claims(first: $first, filter: { briefingId: $briefingId }) { edges { node { id } } }
      }`;
      for (let run = 0; run < 3; run++) {
        const { data, errors } = await t.gql(query, { briefingId: briefing.id });
        expect(errors).toBeUndefined();
        expect(data.claims.edges).toHaveLength(2);
      }
    });

    it('accepts first: 100', async () => {
      const briefing = await createBriefing(t);
      await createClaim(t, briefing.items[0].id);
      expect((await list({ briefingId: briefing.id }, { first: 100 })).edges).toHaveLength(1);
    });
  });

  describe('unverifiedClaims', () => {
    const QUEUE = `query ($filter: ClaimFilter, $first: Int!, $after: String) {
      unverifiedClaims(filter: $filter, first: $first, after: $after) {
        totalCount edges { node { id status } } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Queue = {
      unverifiedClaims: {
        totalCount: number;
        edges: { node: { id: string; status: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const queueIds = async (filter: Record<string, unknown>, first = 100, after?: string) => {
      const data = await t.ok<Queue>(QUEUE, { filter, first, after });
      return data.unverifiedClaims;
    };

    it('holds only open statuses, newest first, and drops a claim once confirmed', async () => {
      const briefing = await createBriefing(t);
      const itemId = briefing.items[0].id;
      const unverified = await createClaim(t, itemId);
      const couldNot = await createClaim(t, itemId, { status: 'COULD_NOT_VERIFY' });
      await createClaim(t, itemId, { status: 'FALSE', verificationPhrase: 'proved false' });
      const disputed = await createClaim(t, itemId, { status: 'DISPUTED' });
      const filter = { briefingId: briefing.id };

      const before = await queueIds(filter);
      expect(before.edges.map((edge) => edge.node.id)).toEqual([
        disputed.id,
        couldNot.id,
        unverified.id,
      ]);
      expect(before.totalCount).toBe(3);

      await t.ok(UPDATE_STATUS, {
        input: {
          claimId: couldNot.id,
          status: 'CONFIRMED',
          expectedVersion: couldNot.version,
          note: 'Confirmed by the ministry',
        },
      });

      const after = await queueIds(filter);
      expect(after.edges.map((edge) => edge.node.id)).toEqual([disputed.id, unverified.id]);
      expect(after.totalCount).toBe(2);

      const paged = await queueIds(filter, 1);
      expect(paged.edges.map((edge) => edge.node.id)).toEqual([disputed.id]);
      expect(paged.pageInfo.hasNextPage).toBe(true);
      const next = await queueIds(filter, 1, paged.pageInfo.endCursor!);
      expect(next.edges.map((edge) => edge.node.id)).toEqual([unverified.id]);
      expect(next.pageInfo.hasNextPage).toBe(false);
    });

    it('applies a filter on top of the queue', async () => {
      const briefing = await createBriefing(t);
      const itemId = briefing.items[0].id;
      const mine = await create({ itemId, speakerName: uniqueName('S') });
      await createClaim(t, itemId);
      await create({
        itemId,
        speakerId: mine.speaker.id,
        status: 'CONFIRMED',
        verificationPhrase: 'confirmed',
      });
      const disputed = await create({ itemId, speakerId: mine.speaker.id, status: 'DISPUTED' });

      const bySpeaker = await queueIds({ briefingId: briefing.id, speakerId: mine.speaker.id });
      expect(bySpeaker.edges.map((edge) => edge.node.id)).toEqual([disputed.id, mine.id]);

      const byStatus = await queueIds({ briefingId: briefing.id, status: ['DISPUTED'] });
      expect(byStatus.edges.map((edge) => edge.node.id)).toEqual([disputed.id]);

      const settledOnly = await queueIds({ briefingId: briefing.id, status: ['CONFIRMED'] });
      expect(settledOnly.edges).toEqual([]);
      expect(settledOnly.totalCount).toBe(0);
    });
  });

  describe('claim(id)', () => {
    it('answers NOT_FOUND for a missing claim and BAD_USER_INPUT for a malformed id', async () => {
      const missing = await t.fails(`{ claim(id: "987654321") { id } }`);
      expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });

      for (const id of ['abc', '0', '-3', '1; DROP TABLE claims']) {
        const malformed = await t.fails(`query ($id: ID!) { claim(id: $id) { id } }`, { id });
        expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      }
    });

    it('refuses an id beyond the 32-bit id columns as BAD_USER_INPUT, on arguments and filters', async () => {
      const argument = await t.fails(`{ claim(id: "2147483648") { id } }`);
      expect(argument.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

      const filter = await t.fails(
        `{ claims(filter: { speakerId: "99999999999" }) { totalCount } }`,
      );
      expect(filter.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.speakerId',
      });

      const largest = await t.fails(`{ claim(id: "2147483647") { id } }`);
      expect(largest.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
    });

    it('resolves item, briefing, speaker, role, reportedBy, phrase and version', async () => {
      const outletName = uniqueName('Gazette');
      const briefing = await createBriefing(t, {
        title: 'Strikes on the port',
        outletName,
        items: ['Intro.', ITEM_TEXT],
      });
      const speakerName = uniqueName('Dmitry Peskov');
      const wire = uniqueName('TASS');
      const created = await create({
        itemId: briefing.items[1].id,
        speakerName,
        speakerRole: 'Kremlin spokesman',
        reportedBy: [wire],
        status: 'CONFIRMED',
        verificationPhrase: 'The Kremlin confirmed',
        quote: 'Putin accepted',
      });

      const data = await t.ok<{ claim: Record<string, unknown> }>(
        `query ($id: ID!) {
          claim(id: $id) {
            id text speakerRole verificationPhrase version status
            quote { text start end }
            item { id position text }
            briefing { id title outlet { name } }
            speaker { id name kind }
            reportedBy { name kind }
          }
        }`,
        { id: created.id },
      );
      expect(data.claim).toEqual({
        id: created.id,
        text: 'Putin accepted the invitation',
        speakerRole: 'Kremlin spokesman',
        verificationPhrase: 'The Kremlin confirmed',
        version: 1,
        status: 'CONFIRMED',
        quote: { text: 'Putin accepted', start: 37, end: 51 },
        item: { id: briefing.items[1].id, position: 1, text: ITEM_TEXT },
        briefing: { id: briefing.id, title: 'Strikes on the port', outlet: { name: outletName } },
        speaker: { id: created.speaker.id, name: speakerName, kind: 'PERSON' },
        reportedBy: [{ name: wire, kind: 'OTHER' }],
      });
    });
  });

  describe('updateClaim', () => {
    it('corrects text, quote, speaker, role and reportedBy, bumping the version', async () => {
      const briefing = await createBriefing(t, { items: [ITEM_TEXT] });
      const [first, second, replacement] = [uniqueName('AP'), uniqueName('BBC'), uniqueName('CNN')];
      const original = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('Speaker'),
        speakerRole: 'spokesman',
        quote: 'Putin accepted the invitation',
        reportedBy: [first, second],
      });
      const newSpeaker = uniqueName('Dmitry Peskov');

      const data = await t.ok<{ updateClaim: ClaimView }>(UPDATE_CLAIM, {
        input: {
          claimId: original.id,
          expectedVersion: 1,
          text: 'Peskov said Putin accepted',
          quote: 'Dmitry Peskov',
          speakerName: newSpeaker,
          speakerRole: 'Kremlin spokesman',
          reportedBy: [replacement],
        },
      });
      const expected = {
        id: original.id,
        text: 'Peskov said Putin accepted',
        version: 2,
        quote: { text: 'Dmitry Peskov', start: 18, end: 31 },
        speakerRole: 'Kremlin spokesman',
        speaker: { name: newSpeaker },
        reportedBy: [{ name: replacement }],
      };
      expect(data.updateClaim).toMatchObject(expected);
      expect(data.updateClaim.speaker.id).not.toBe(original.speaker.id);

      const reread = await getClaim(original.id);
      expect(reread).toMatchObject(expected);
      expect(reread.reportedBy).toHaveLength(1);
      expect(reread.statusHistory).toHaveLength(1);
      expect(new Date(reread.updatedAt) >= new Date(original.updatedAt)).toBe(true);
    });

    it('replaces reportedBy, and clears quote and role with null', async () => {
      const briefing = await createBriefing(t, { items: [ITEM_TEXT] });
      const [a, b, c] = [uniqueName('A'), uniqueName('B'), uniqueName('C')];
      const original = await create({
        itemId: briefing.items[0].id,
        speakerName: uniqueName('S'),
        speakerRole: 'spokesman',
        quote: 'Putin',
        reportedBy: [a, b],
      });

      const replaced = await t.ok<{ updateClaim: ClaimView }>(UPDATE_CLAIM, {
        input: { claimId: original.id, expectedVersion: 1, reportedBy: [c, a] },
      });
      expect(replaced.updateClaim.version).toBe(2);
      expect(replaced.updateClaim.reportedBy.map((o) => o.name)).toEqual([c, a]);
      expect((await getClaim(original.id)).reportedBy.map((o) => o.name)).toEqual([c, a]);

      const cleared = await t.ok<{ updateClaim: ClaimView }>(UPDATE_CLAIM, {
        input: { claimId: original.id, expectedVersion: 2, quote: null, speakerRole: null },
      });
      expect(cleared.updateClaim).toMatchObject({ version: 3, quote: null, speakerRole: null });
      expect(await getClaim(original.id)).toMatchObject({ quote: null, speakerRole: null });

      const emptied = await t.ok<{ updateClaim: ClaimView }>(UPDATE_CLAIM, {
        input: { claimId: original.id, expectedVersion: 3, reportedBy: [] },
      });
      expect(emptied.updateClaim.reportedBy).toEqual([]);
      expect((await getClaim(original.id)).reportedBy).toEqual([]);
    });

    it('refuses a stale expectedVersion as CONFLICT and leaves the claim unchanged', async () => {
      const briefing = await createBriefing(t);
      const original = await create({ itemId: briefing.items[0].id, speakerName: uniqueName('S') });
      await t.ok(UPDATE_CLAIM, { input: { claimId: original.id, expectedVersion: 1, text: 'v2' } });
      const current = await getClaim(original.id);
      expect(current.version).toBe(2);

      const staleSpeaker = uniqueName('Stale Speaker');
      const staleWire = uniqueName('Stale Wire');
      const error = await t.fails(UPDATE_CLAIM, {
        input: {
          claimId: original.id,
          expectedVersion: 1,
          text: 'stale',
          speakerName: staleSpeaker,
          reportedBy: [staleWire],
        },
      });
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
        currentVersion: 2,
      });
      expect(await getClaim(original.id)).toEqual(current);
      expect(await speakerCount(staleSpeaker)).toBe(0);
      expect(await outletCount(staleWire)).toBe(0);
    });

    it('refuses an input that changes nothing', async () => {
      const briefing = await createBriefing(t);
      const original = await createClaim(t, briefing.items[0].id);
      const error = await t.fails(UPDATE_CLAIM, {
        input: { claimId: original.id, expectedVersion: 1 },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOTHING_TO_UPDATE',
      });
      expect((await getClaim(original.id)).version).toBe(1);
    });

    it('refuses text: null, which cannot be cleared, without bumping the version', async () => {
      const briefing = await createBriefing(t);
      const original = await createClaim(t, briefing.items[0].id, { text: 'Kept as it was' });
      const response = await t.gql(UPDATE_CLAIM, {
        input: { claimId: original.id, expectedVersion: 1, text: null },
      });
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await getClaim(original.id)).toMatchObject({ text: 'Kept as it was', version: 1 });
    });

    it('answers NOT_FOUND for a missing claim', async () => {
      const error = await t.fails(UPDATE_CLAIM, {
        input: { claimId: '987654321', expectedVersion: 1, text: 'x' },
      });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
    });
  });

  describe('deleteClaim', () => {
    const DELETE = `mutation ($id: ID!) { deleteClaim(id: $id) { id relationsRemoved } }`;

    it('removes the claim and its relations; a second delete is NOT_FOUND', async () => {
      const briefing = await createBriefing(t);
      const doomed = await createClaim(t, briefing.items[0].id, { reportedBy: [uniqueName('W')] });
      const survivor = await createClaim(t, briefing.items[1].id);
      const bystander = await createClaim(t, briefing.items[1].id);
      await link(doomed.id, survivor.id, 'COUNTERS');
      await link(survivor.id, doomed.id, 'DENIES');
      await link(survivor.id, bystander.id, 'SUPPORTS');

      const relationsOf = async (id: string) =>
        (
          await t.ok<{ claim: { relations: { from: { id: string }; to: { id: string } }[] } }>(
            `query ($id: ID!) { claim(id: $id) { relations { from { id } to { id } } } }`,
            { id },
          )
        ).claim.relations;
      expect(await relationsOf(survivor.id)).toHaveLength(3);

      const deleted = await t.ok<{ deleteClaim: { id: string; relationsRemoved: number } }>(
        DELETE,
        {
          id: doomed.id,
        },
      );
      expect(deleted.deleteClaim).toEqual({ id: doomed.id, relationsRemoved: 2 });

      const gone = await t.fails(GET_CLAIM, { id: doomed.id });
      expect(gone.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
      expect(await relationsOf(survivor.id)).toEqual([
        { from: { id: survivor.id }, to: { id: bystander.id } },
      ]);
      expect(await idsMatching({ briefingId: briefing.id, hasCounterClaims: true })).toEqual([]);

      const again = await t.fails(DELETE, { id: doomed.id });
      expect(again.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
    });

    it('reports zero relations removed for an unlinked claim', async () => {
      const briefing = await createBriefing(t);
      const lonely = await createClaim(t, briefing.items[0].id);
      const deleted = await t.ok<{ deleteClaim: { id: string; relationsRemoved: number } }>(
        DELETE,
        {
          id: lonely.id,
        },
      );
      expect(deleted.deleteClaim).toEqual({ id: lonely.id, relationsRemoved: 0 });
      expect((await list({ briefingId: briefing.id })).totalCount).toBe(0);
    });
  });

  describe('SQL queries', () => {
    it('reads a page of claims with everything it touches in a constant number of queries', async () => {
      const briefing = await createBriefing(t, {
        outletName: uniqueName('Publisher'),
        items: [ITEM_TEXT],
      });
      const speakers = Array.from({ length: 10 }, (_, i) => uniqueName(`Speaker ${i}`));
      const outlets = Array.from({ length: 5 }, (_, i) => uniqueName(`Outlet ${i}`));
      for (let i = 0; i < 100; i++) {
        const hops = 1 + (i % 3);
        await createClaim(t, briefing.items[0].id, {
          text: `Claim number ${i}`,
          speakerName: speakers[i % speakers.length],
          reportedBy: Array.from({ length: hops }, (_, hop) => outlets[(i + hop) % outlets.length]),
        });
      }
      const query = `query ($first: Int!, $filter: ClaimFilter) {
        claims(first: $first, filter: $filter) {
          edges { node {
            id text
            speaker { name }
            reportedBy { name }
            item { text }
            briefing { title outlet { name } }
          } }
        }
      }`;
      type Page = {
        claims: {
          edges: {
            node: {
              speaker: { name: string };
              reportedBy: { name: string }[];
              item: { text: string };
              briefing: { title: string; outlet: { name: string } };
            };
          }[];
        };
      };
      const run = async (first: number) => {
        let page: Page | undefined;
        const count = await t.countQueries(async () => {
          page = await t.ok<Page>(query, { first, filter: { briefingId: briefing.id } });
        });
        return { count, page: page! };
      };

      const hundred = await run(100);
      const ten = await run(10);

      expect(hundred.page.claims.edges).toHaveLength(100);
      expect(ten.page.claims.edges).toHaveLength(10);
      for (const { node } of hundred.page.claims.edges) {
        expect(speakers).toContain(node.speaker.name);
        expect(node.reportedBy.length).toBeGreaterThanOrEqual(1);
        expect(node.item.text).toBe(ITEM_TEXT);
        expect(node.briefing.outlet.name).toMatch(/^Publisher /);
      }
      console.log(
        `SQL queries for a 100-claim page: ${hundred.count} (10-claim page: ${ten.count})`,
      );
      expect(hundred.count).toBeLessThanOrEqual(8);
      expect(ten.count).toBe(hundred.count);
    });
  });
});
