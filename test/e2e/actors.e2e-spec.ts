import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefing, createClaim, uniqueName } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ActorPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
}

interface ClaimsPage {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CLAIMS_SELECTION = `totalCount edges { node { id } } pageInfo { hasNextPage endCursor }`;

/** A token no other test's names contain, so searches see only this test's actors. */
const token = () => `q${randomUUID().slice(0, 8)}`;

describe('actors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function search(
    list: 'speakers' | 'outlets',
    text: string | null,
    first = 20,
    after?: string | null,
  ): Promise<ActorPage> {
    const data = await t.ok<Record<string, ActorPage>>(
      `query ($search: String, $first: Int!, $after: String) {
        ${list}(search: $search, first: $first, after: $after) {
          totalCount
          edges { cursor node { id name } }
          pageInfo { hasNextPage startCursor endCursor }
        }
      }`,
      { search: text, first, after },
    );
    return data[list];
  }

  const names = (page: ActorPage) => page.edges.map((edge) => edge.node.name);

  /** A claim whose speaker is `speakerName`; returns the claim and speaker ids. */
  async function claimBy(speakerName: string, input: Record<string, unknown> = {}) {
    const briefing = await createBriefing(t);
    const data = await t.ok<{ createClaim: { id: string; speaker: { id: string } } }>(
      `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id speaker { id } } }`,
      { input: { itemId: briefing.items[0].id, text: 'A statement', speakerName, ...input } },
    );
    return { claimId: data.createClaim.id, speakerId: data.createClaim.speaker.id };
  }

  /** A briefing published by `outletName`, created with `outletKind`; returns it and the outlet id. */
  async function briefingBy(outletName: string, outletKind?: string) {
    const data = await t.ok<{
      createBriefing: { id: string; items: { id: string }[]; outlet: { id: string } };
    }>(
      `mutation ($input: CreateBriefingInput!) {
        createBriefing(input: $input) { id items { id } outlet { id } }
      }`,
      {
        input: {
          title: 'Published briefing',
          url: `https://news.example/${randomUUID()}`,
          outletName,
          outletKind,
          items: ['First paragraph.', 'Second paragraph.'],
        },
      },
    );
    return data.createBriefing;
  }

  describe('speakers', () => {
    it('searches ignoring case, spacing and a leading "the", in name order', async () => {
      const u = token();
      await claimBy(`${u} Bravo`);
      await claimBy(`The ${u} Alpha`);
      await claimBy(`${u.toUpperCase()} Charlie`);

      const all = await search('speakers', u);
      expect(names(all)).toEqual([`The ${u} Alpha`, `${u} Bravo`, `${u.toUpperCase()} Charlie`]);
      expect(all.totalCount).toBe(3);

      expect(names(await search('speakers', `  ${u.toUpperCase()}   BRAVO `))).toEqual([
        `${u} Bravo`,
      ]);
      expect(names(await search('speakers', `the ${u} alpha`))).toEqual([`The ${u} Alpha`]);
      expect((await search('speakers', `The   ${u}`)).totalCount).toBe(3);
      expect((await search('speakers', `${u} delta`)).totalCount).toBe(0);
    });

    it('takes % and _ in a search literally', async () => {
      const u = token();
      await claimBy(`${u} Bravo`);
      await claimBy(`${u} 100% Bravo`);
      expect(names(await search('speakers', `${u}_bravo`))).toEqual([]);
      expect(names(await search('speakers', `${u}%bravo`))).toEqual([]);
      expect(names(await search('speakers', `${u} 100%`))).toEqual([`${u} 100% Bravo`]);
    });

    it('pages a search by name with cursors, keeping totalCount', async () => {
      const u = token();
      for (const name of ['Delta', 'alpha', 'Echo', 'Charlie', 'the Bravo']) {
        await claimBy(`${u} ${name}`);
      }

      const first = await search('speakers', u, 2);
      expect(names(first)).toEqual([`${u} alpha`, `${u} Charlie`]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);

      const second = await search('speakers', u, 2, first.pageInfo.endCursor);
      expect(names(second)).toEqual([`${u} Delta`, `${u} Echo`]);
      expect(second.pageInfo.hasNextPage).toBe(true);

      const third = await search('speakers', u, 2, second.pageInfo.endCursor);
      expect(names(third)).toEqual([`${u} the Bravo`]);
      expect(third.pageInfo.hasNextPage).toBe(false);

      for (const page of [first, second, third]) expect(page.totalCount).toBe(5);

      const beyond = await search('speakers', u, 2, third.pageInfo.endCursor);
      expect(beyond.edges).toEqual([]);
      expect(beyond.pageInfo).toEqual({ hasNextPage: false, startCursor: null, endCursor: null });
    });

    it('returns a speaker with kind, affiliation and the claims credited to them', async () => {
      const name = uniqueName('Ministry of Defence');
      const first = await claimBy(name, {
        speakerKind: 'ORGANIZATION',
        speakerAffiliation: 'Russia',
      });
      const second = await claimBy(name.toLowerCase(), {
        speakerKind: 'PERSON',
        speakerAffiliation: 'Someone else',
      });
      const briefing = await createBriefing(t);
      const third = await createClaim(t, briefing.items[1].id, {
        speakerId: first.speakerId,
        status: 'DISPUTED',
      });
      await createClaim(t, briefing.items[1].id);
      expect(second.speakerId).toBe(first.speakerId);

      const data = await t.ok<{
        speaker: {
          id: string;
          name: string;
          kind: string;
          affiliation: string | null;
          createdAt: string;
          claims: ClaimsPage;
          disputed: ClaimsPage;
        };
      }>(
        `query ($id: ID!) {
          speaker(id: $id) {
            id name kind affiliation createdAt
            claims(first: 2) { ${CLAIMS_SELECTION} }
            disputed: claims(filter: { status: [DISPUTED] }) { ${CLAIMS_SELECTION} }
          }
        }`,
        { id: first.speakerId },
      );
      expect(data.speaker).toMatchObject({
        id: first.speakerId,
        name,
        kind: 'ORGANIZATION',
        affiliation: 'Russia',
      });
      expect(Number.isNaN(Date.parse(data.speaker.createdAt))).toBe(false);
      expect(data.speaker.claims.totalCount).toBe(3);
      expect(data.speaker.claims.edges.map((edge) => edge.node.id)).toEqual([
        third.id,
        second.claimId,
      ]);
      expect(data.speaker.claims.pageInfo.hasNextPage).toBe(true);
      expect(data.speaker.disputed.edges).toEqual([{ node: { id: third.id } }]);
      expect(data.speaker.disputed.totalCount).toBe(1);

      const next = await t.ok<{ speaker: { claims: ClaimsPage } }>(
        `query ($id: ID!, $after: String) {
          speaker(id: $id) { claims(first: 2, after: $after) { ${CLAIMS_SELECTION} } }
        }`,
        { id: first.speakerId, after: data.speaker.claims.pageInfo.endCursor },
      );
      expect(next.speaker.claims.edges).toEqual([{ node: { id: first.claimId } }]);
      expect(next.speaker.claims.pageInfo.hasNextPage).toBe(false);
    });

    it('defaults a new speaker to PERSON with no affiliation', async () => {
      const { speakerId } = await claimBy(uniqueName('Dmitry Peskov'));
      const data = await t.ok<{ speaker: { kind: string; affiliation: string | null } }>(
        `query ($id: ID!) { speaker(id: $id) { kind affiliation } }`,
        { id: speakerId },
      );
      expect(data.speaker).toEqual({ kind: 'PERSON', affiliation: null });
    });
  });

  describe('outlets', () => {
    it('searches ignoring case, spacing and a leading "the", in name order with cursors', async () => {
      const u = token();
      const briefing = await createBriefing(t);
      await createClaim(t, briefing.items[0].id, {
        reportedBy: [`The ${u} Wire`, `${u} Courier`],
      });
      await briefingBy(`${u}  Agency`);

      const all = await search('outlets', u);
      expect(names(all)).toEqual([`${u}  Agency`, `${u} Courier`, `The ${u} Wire`]);
      expect(all.totalCount).toBe(3);

      expect(names(await search('outlets', `THE   ${u.toUpperCase()} wire `))).toEqual([
        `The ${u} Wire`,
      ]);
      expect(names(await search('outlets', `${u} agency`))).toEqual([`${u}  Agency`]);
      expect(names(await search('outlets', `${u}_agency`))).toEqual([]);

      const first = await search('outlets', u, 2);
      expect(names(first)).toEqual([`${u}  Agency`, `${u} Courier`]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await search('outlets', u, 2, first.pageInfo.endCursor);
      expect(names(second)).toEqual([`The ${u} Wire`]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([first.totalCount, second.totalCount]).toEqual([3, 3]);
    });

    it('returns an outlet with kind and url, and the claims it published or relayed', async () => {
      const publisherName = uniqueName('Yonhap');
      const published = await briefingBy(publisherName, 'WIRE');
      const publisherId = published.outlet.id;
      const other = await briefingBy(uniqueName('Herald'));
      const relay = uniqueName('Ministry Readout');

      const direct = await createClaim(t, published.items[0].id);
      const relayed = await createClaim(t, other.items[0].id, {
        reportedBy: [relay, publisherName],
      });
      const both = await createClaim(t, published.items[1].id, {
        reportedBy: [publisherName],
        status: 'CONFIRMED',
        verificationPhrase: 'confirmed',
      });
      const unrelated = await createClaim(t, other.items[1].id, { reportedBy: [relay] });

      const query = `query ($id: ID!) {
        outlet(id: $id) {
          id name kind url createdAt
          claims { ${CLAIMS_SELECTION} }
          settled: claims(filter: { open: false }) { ${CLAIMS_SELECTION} }
        }
      }`;
      type OutletView = {
        outlet: {
          id: string;
          name: string;
          kind: string;
          url: string | null;
          claims: ClaimsPage;
          settled: ClaimsPage;
        };
      };
      const data = await t.ok<OutletView>(query, { id: publisherId });
      expect(data.outlet).toMatchObject({
        id: publisherId,
        name: publisherName,
        kind: 'WIRE',
        url: null,
      });
      expect(data.outlet.claims.edges.map((edge) => edge.node.id)).toEqual([
        both.id,
        relayed.id,
        direct.id,
      ]);
      expect(data.outlet.claims.totalCount).toBe(3);
      expect(data.outlet.settled.edges).toEqual([{ node: { id: both.id } }]);

      const relayId = (
        await t.ok<{ claim: { reportedBy: { id: string }[] } }>(
          `query ($id: ID!) { claim(id: $id) { reportedBy { id } } }`,
          { id: unrelated.id },
        )
      ).claim.reportedBy[0].id;
      const relayView = await t.ok<OutletView>(query, { id: relayId });
      expect(relayView.outlet.kind).toBe('OTHER');
      expect(relayView.outlet.claims.edges.map((edge) => edge.node.id)).toEqual([
        unrelated.id,
        relayed.id,
      ]);

      const newsView = await t.ok<OutletView>(query, { id: other.outlet.id });
      expect(newsView.outlet.kind).toBe('NEWS');
      expect(newsView.outlet.claims.edges.map((edge) => edge.node.id)).toEqual([
        unrelated.id,
        relayed.id,
      ]);
    });
  });

  describe('errors', () => {
    it.each(['speaker', 'outlet'])(
      'refuses a %s id beyond the 32-bit id columns as BAD_USER_INPUT',
      async (field) => {
        const error = await t.fails(`{ ${field}(id: "99999999999") { id } }`);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      },
    );

    it.each(['speakers', 'outlets'])('validates the page arguments of %s', async (list) => {
      const query = `query ($first: Int!, $after: String) { ${list}(first: $first, after: $after) { totalCount } }`;
      for (const first of [0, 101]) {
        const error = await t.fails(query, { first });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
      const cursor = await t.fails(query, { first: 5, after: 'definitely not a cursor' });
      expect(cursor.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
        field: 'after',
      });
    });

    it("validates the arguments of a speaker's and an outlet's claims", async () => {
      const briefing = await createBriefing(t, { outletName: uniqueName('Gazette') });
      const { speakerId } = await claimBy(uniqueName('S'));
      const data = await t.ok<{ briefing: { outlet: { id: string } } }>(
        `query ($id: ID!) { briefing(id: $id) { outlet { id } } }`,
        { id: briefing.id },
      );
      for (const [field, id] of [
        ['speaker', speakerId],
        ['outlet', data.briefing.outlet.id],
      ]) {
        const tooMany = await t.fails(
          `query ($id: ID!) { ${field}(id: $id) { claims(first: 101) { totalCount } } }`,
          { id },
        );
        expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
        const badFilter = await t.fails(
          `query ($id: ID!) { ${field}(id: $id) { claims(filter: { briefingId: "x" }) { totalCount } } }`,
          { id },
        );
        expect(badFilter.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'filter.briefingId',
        });
      }
    });
  });
});
