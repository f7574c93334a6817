import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { createBriefing, createClaim, uniqueName } from '../support/factories.js';
import { startTestApp, type TestApp, type TestKey } from '../support/test-app.js';

const INGEST = `mutation ($input: IngestBriefingInput!) {
  ingestBriefing(input: $input) {
    dryRun briefingCreated itemsAdded itemsKnown
    briefing { id title url outlet { name } items { position text } }
    claims {
      key itemPosition text quoteStart speakerName speakerRole reportedBy status
      verificationPhrase confidence
      claim {
        id text extracted extractionConfidence reviewedAt reviewedBy version status
        speaker { id name } reportedBy { name } item { position }
      }
    }
    relations { type fromKey fromClaimId toKey toClaimId relation { id type } }
  }
}`;
const CLAIMS = `query ($filter: ClaimFilter) {
  claims(filter: $filter, first: 100) { totalCount edges { node { id reviewedAt reviewedBy } } }
}`;
const REVIEW = `mutation ($id: ID!) { reviewClaim(id: $id) { id version reviewedAt reviewedBy } }`;
const COUNTS = `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 1) { totalCount } }`;

interface IngestedClaim {
  key: string;
  itemPosition: number;
  text: string;
  speakerName: string;
  reportedBy: string[];
  status: string;
  verificationPhrase: string | null;
  confidence: number;
  claim: {
    id: string;
    text: string;
    extracted: boolean;
    extractionConfidence: number;
    reviewedAt: string | null;
    version: number;
    speaker: { id: string; name: string };
    item: { position: number };
  } | null;
}

interface Ingestion {
  dryRun: boolean;
  briefingCreated: boolean;
  itemsAdded: number;
  itemsKnown: number;
  briefing: { id: string; items: { position: number; text: string }[] } | null;
  claims: IngestedClaim[];
  relations: {
    type: string;
    fromKey: string | null;
    fromClaimId: string | null;
    toKey: string | null;
    toClaimId: string | null;
    relation: { id: string } | null;
  }[];
}

const MORNING = [
  'Riverton flood live: levee holds as river nears crest',
  'Mayor Jane Holt said the east levee held overnight and that no homes had flooded.',
  'The National Weather Service said the Cedar River would crest on Friday afternoon, according to the Associated Press.',
  'Residents said water crossed Mill Road before dawn. The Riverton Post could not independently verify the reports.',
].join('\n\n');

const UPDATE = [
  MORNING,
  'Holt denied that water crossed Mill Road, saying the road was closed as a precaution.',
  'State emergency officials said 40 people were moved to shelters in Riverton overnight.',
].join('\n\n');

/** The sample briefing's text, as a newsroom would paste it. */
const SAMPLE_TEXT = (
  JSON.parse(
    readFileSync(new URL('../../src/database/seed/sample-briefing.json', import.meta.url), 'utf8'),
  ) as { items: string[] }
).items.join('\n\n');

describe('briefing ingestion', () => {
  let t: TestApp;
  let editor: TestKey;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.createKey(Role.EDITOR, 'ingest-editor');
  });
  afterAll(() => t.close());

  const input = (text: string, url: string, extra: Record<string, unknown> = {}) => ({
    text,
    url,
    title: 'Riverton flood live',
    outletName: 'The Riverton Post',
    publishedAt: '2026-11-30T06:00:00.000Z',
    ...extra,
  });
  const ingest = async (variables: Record<string, unknown>) =>
    (await t.ok<{ ingestBriefing: Ingestion }>(INGEST, { input: variables }, { key: editor.key }))
      .ingestBriefing;
  const auditCount = async () => (await t.ok(COUNTS, {})).auditEvents.totalCount as number;
  const newUrl = () => `https://riverton.example/${encodeURIComponent(uniqueName('live'))}`;

  it('stores the briefing, its items and the claims it extracted, marked for review', async () => {
    const answer = await ingest(input(MORNING, newUrl()));
    expect(answer).toMatchObject({
      dryRun: false,
      briefingCreated: true,
      itemsAdded: 4,
      itemsKnown: 0,
    });
    expect(answer.briefing!.items.map((item) => item.position)).toEqual([0, 1, 2, 3]);

    const levee = answer.claims.find((c) => c.text.includes('east levee held overnight'));
    expect(levee).toMatchObject({ itemPosition: 1, speakerName: 'Jane Holt' });
    const crest = answer.claims.find((c) => c.text.includes('would crest on Friday'));
    expect(crest).toMatchObject({ reportedBy: ['Associated Press'] });
    const road = answer.claims.find((c) => c.text.includes('water crossed Mill Road'));
    expect(road).toMatchObject({ status: 'COULD_NOT_VERIFY' });
    expect(road!.verificationPhrase).toContain('could not independently verify');

    for (const ingested of answer.claims) {
      expect(ingested.claim).toMatchObject({
        text: ingested.text,
        extracted: true,
        extractionConfidence: ingested.confidence,
        reviewedAt: null,
        version: 1,
        item: { position: ingested.itemPosition },
      });
      expect(ingested.confidence).toBeGreaterThan(0);
      expect(ingested.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('answers a dry run with what it would store, without ids, and writes nothing', async () => {
    const url = newUrl();
    const before = await auditCount();
    const dry = await ingest(input(MORNING, url, { dryRun: true }));
    expect(dry).toMatchObject({
      dryRun: true,
      briefingCreated: true,
      briefing: null,
      itemsAdded: 4,
    });
    expect(dry.claims.every((c) => c.claim === null)).toBe(true);
    expect(await auditCount()).toBe(before);

    const real = await ingest(input(MORNING, url));
    const withoutIds = (answer: Ingestion) => answer.claims.map(({ claim: _, ...rest }) => rest);
    expect(withoutIds(real)).toEqual(withoutIds(dry));

    // On a stored briefing, a dry run names the earlier claims its relations reach by id.
    const dryUpdate = await ingest(input(UPDATE, url, { dryRun: true }));
    expect(dryUpdate).toMatchObject({ briefingCreated: false, itemsAdded: 2, itemsKnown: 4 });
    expect(dryUpdate.briefing!.id).toBe(real.briefing!.id);
    const denies = dryUpdate.relations.find((r) => r.type === 'DENIES');
    expect(denies).toMatchObject({ fromClaimId: null, toKey: null, relation: null });
    expect(real.claims.map((c) => c.claim!.id)).toContain(denies!.toClaimId);
    expect(await ingest(input(UPDATE, url))).toMatchObject({ itemsAdded: 2 });
  });

  it('changes nothing when the same text comes again', async () => {
    const url = newUrl();
    const first = await ingest(input(MORNING, url));
    const before = await auditCount();
    const again = await ingest(input(MORNING, url));
    expect(again).toMatchObject({
      dryRun: false,
      briefingCreated: false,
      itemsAdded: 0,
      itemsKnown: 4,
      claims: [],
      relations: [],
      briefing: { id: first.briefing!.id },
    });
    expect(await auditCount()).toBe(before);
  });

  it('adds only the new items of an update and links their claims to the earlier ones', async () => {
    const url = newUrl();
    const morning = await ingest(input(MORNING, url));
    const update = await ingest(input(UPDATE, url));
    expect(update).toMatchObject({ briefingCreated: false, itemsAdded: 2, itemsKnown: 4 });
    expect(update.briefing!.id).toBe(morning.briefing!.id);
    expect(update.briefing!.items.map((item) => item.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(update.claims.map((c) => c.itemPosition))).toEqual(new Set([4, 5]));

    // "Holt" in the update is the "Mayor Jane Holt" of the morning: one speaker.
    const denial = update.claims.find((c) => c.itemPosition === 4)!;
    const levee = morning.claims.find((c) => c.text.includes('east levee'))!;
    expect(denial.claim!.speaker.id).toBe(levee.claim!.speaker.id);

    const road = morning.claims.find((c) => c.text.includes('water crossed Mill Road'))!;
    const denies = update.relations.find((r) => r.type === 'DENIES');
    expect(denies).toMatchObject({
      fromKey: denial.key,
      fromClaimId: denial.claim!.id,
      toKey: null,
      toClaimId: road.claim!.id,
    });
    expect(denies!.relation).not.toBeNull();
    const { data } = await t.gql(`query ($id: ID!) { claim(id: $id) { counterClaims { id } } }`, {
      id: road.claim!.id,
    });
    expect(data.claim.counterClaims).toContainEqual({ id: denial.claim!.id });
  });

  it('reuses the speakers and outlets it already knows', async () => {
    const first = await ingest(input(MORNING, newUrl()));
    const second = await ingest(input(MORNING, newUrl()));
    const speakers = (answer: Ingestion) => answer.claims.map((c) => c.claim!.speaker.id).sort();
    expect(speakers(second)).toEqual(speakers(first));
  });

  it('extracts the sample briefing close to its hand annotation', async () => {
    const answer = await ingest(
      input(SAMPLE_TEXT, newUrl(), {
        title: 'Ukraine live briefing',
        outletName: 'The Washington Post',
      }),
    );
    expect(answer.itemsAdded).toBe(SAMPLE_TEXT.split('\n\n').length);
    const peskov = answer.claims.filter((c) => c.speakerName === 'Dmitry Peskov');
    expect(peskov.length).toBeGreaterThanOrEqual(3);
    expect(new Set(peskov.map((c) => c.claim!.speaker.id)).size).toBe(1);
    expect(answer.claims.length).toBeGreaterThanOrEqual(25);
  });

  describe('review', () => {
    let claims: IngestedClaim[];
    let briefingId: string;
    const unreviewed = async () =>
      (
        await t.ok(CLAIMS, { filter: { briefingId, extracted: true, reviewed: false } })
      ).claims.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[];

    beforeAll(async () => {
      const answer = await ingest(input(MORNING, newUrl()));
      claims = answer.claims;
      briefingId = answer.briefing!.id;
    });

    it('lists extracted claims nobody has reviewed, and claims typed in as reviewed', async () => {
      expect((await unreviewed()).sort()).toEqual(claims.map((c) => c.claim!.id).sort());
      const typed = await createBriefing(t);
      const { id } = await createClaim(t, typed.items[0].id, { speakerName: 'Dmitry Peskov' });
      const { claim } = await t.ok(
        `query ($id: ID!) { claim(id: $id) { extracted extractionConfidence reviewedAt reviewedBy } }`,
        { id },
      );
      expect(claim).toMatchObject({ extracted: false, extractionConfidence: null });
      expect(claim.reviewedBy).toBe(t.admin.name);
      expect(claim.reviewedAt).not.toBeNull();
      const typedIn = await t.ok(CLAIMS, { filter: { briefingId: typed.id, reviewed: false } });
      expect(typedIn.claims.totalCount).toBe(0);
    });

    it('accepts a claim as it stands without changing its version', async () => {
      const [first] = claims;
      const { reviewClaim } = await t.ok(REVIEW, { id: first.claim!.id }, { key: editor.key });
      expect(reviewClaim).toMatchObject({
        id: first.claim!.id,
        version: 1,
        reviewedBy: editor.name,
      });
      expect(reviewClaim.reviewedAt).not.toBeNull();
      expect(await unreviewed()).not.toContain(first.claim!.id);

      // A second review keeps the first reviewer and records nothing.
      const before = await auditCount();
      const again = await t.ok(REVIEW, { id: first.claim!.id });
      expect(again.reviewClaim).toEqual(reviewClaim);
      expect(await auditCount()).toBe(before);
    });

    it('counts an edit or a status change as a review', async () => {
      const [, edited, moved] = claims;
      await t.ok(
        `mutation ($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`,
        {
          input: {
            claimId: edited.claim!.id,
            expectedVersion: 1,
            speakerRole: 'Mayor of Riverton',
          },
        },
        { key: editor.key },
      );
      await t.ok(
        `mutation ($input: UpdateVerificationStatusInput!) { updateVerificationStatus(input: $input) { id } }`,
        { input: { claimId: moved.claim!.id, expectedVersion: 1, status: 'NOT_CONFIRMED' } },
      );
      const left = await unreviewed();
      expect(left).not.toContain(edited.claim!.id);
      expect(left).not.toContain(moved.claim!.id);
      const reviewed = await t.ok(CLAIMS, { filter: { briefingId, reviewed: true } });
      const byId = new Map(
        reviewed.claims.edges.map((e: { node: { id: string; reviewedBy: string } }) => [
          e.node.id,
          e.node.reviewedBy,
        ]),
      );
      expect(byId.get(edited.claim!.id)).toBe(editor.name);
      expect(byId.get(moved.claim!.id)).toBe(t.admin.name);
    });

    it('answers NOT_FOUND for an unknown claim', async () => {
      const error = await t.fails(REVIEW, { id: '2147483647' });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
    });
  });

  it('ingests from the command line, into the same tables, once', async () => {
    const url = newUrl();
    const cli = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          'dist/cli.js',
          'ingest',
          '-',
          '--title',
          'CLI',
          '--url',
          url,
          '--outlet',
          'CLI Wire',
          ...args,
        ],
        { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } },
      );
    const run = (...args: string[]) => {
      const child = cli(...args);
      child.child.stdin!.end(MORNING);
      return child;
    };
    const first = await run('--json');
    const answer = JSON.parse(first.stdout) as Ingestion;
    expect(answer).toMatchObject({ dryRun: false, briefingCreated: true, itemsAdded: 4 });
    const { claims } = await t.ok(CLAIMS, {
      filter: { briefingId: answer.briefing!.id, extracted: true, reviewed: false },
    });
    expect(claims.totalCount).toBe(answer.claims.length);
    expect((await run()).stdout).toBe(
      `Added to briefing ${answer.briefing!.id}: 0 items (4 known), 0 claims, 0 relations\n`,
    );
  });

  it('extracts from the command line without touching a database', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'claimtrack-extract-'));
    try {
      const file = join(cwd, 'morning.txt');
      writeFileSync(file, MORNING);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [resolve('dist/cli.js'), 'extract', file],
        { cwd, env: { ...process.env, DATABASE_URL: '' } },
      );
      const document = JSON.parse(stdout) as { claims: { item: number; span: string }[] };
      const items = MORNING.split('\n\n');
      expect(document.claims.length).toBeGreaterThanOrEqual(3);
      for (const claim of document.claims) {
        expect(items[claim.item]).toContain(claim.span);
      }
      // No database file appears where it ran.
      expect(readdirSync(cwd)).toEqual(['morning.txt']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  describe('bad input', () => {
    it.each([
      ['a url that is not http(s)', { url: 'ftp://riverton.example/live' }, 'input.url'],
      ['a blank text', { text: '  \n\n ' }, 'input.text'],
      ['a blank outlet', { outletName: ' ' }, 'input.outletName'],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, override, field) => {
      const before = await auditCount();
      const error = await t.fails(INGEST, { input: { ...input(MORNING, newUrl()), ...override } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await auditCount()).toBe(before);
    });

    it('refuses a text with more items than a briefing holds', async () => {
      const text = Array.from({ length: 5001 }, (_, i) => `Item ${i}.`).join('\n\n');
      const error = await t.fails(INGEST, { input: input(text, newUrl()) });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ITEMS',
        field: 'input.text',
      });
    });

    it('needs the EDITOR role', async () => {
      const researcher = await t.createKey(Role.RESEARCHER, 'ingest-researcher');
      const error = await t.fails(
        INGEST,
        { input: input(MORNING, newUrl()) },
        { key: researcher.key },
      );
      expect(error.extensions.code).toBe('FORBIDDEN');
    });
  });
});
