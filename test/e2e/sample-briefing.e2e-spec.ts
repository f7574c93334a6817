import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SampleBriefingSeeder,
  type AnnotatedBriefing,
  type SeedResult,
} from '../../src/database/seed/sample-briefing.seeder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface SeededClaim {
  id: string;
  text: string;
  status: string;
  verificationPhrase: string | null;
  speakerRole: string | null;
  quote: { text: string; start: number; end: number } | null;
  speaker: { id: string; name: string };
  reportedBy: { name: string }[];
  briefing: { id: string };
  item: { position: number };
  relations: { id: string; type: string; from: { id: string }; to: { id: string } }[];
  counterClaims: { id: string }[];
  statusHistory: { from: string | null; to: string; note: string | null }[];
}

interface SeededBriefing {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  outlet: { name: string } | null;
  items: { position: number; text: string; claims: SeededClaim[] }[];
  claims: { totalCount: number };
}

const SEEDED_BRIEFING = `query ($id: ID!) {
  briefing(id: $id) {
    id title url publishedAt outlet { name }
    claims(first: 1) { totalCount }
    items {
      position text
      claims {
        id text status verificationPhrase speakerRole
        quote { text start end }
        speaker { id name }
        reportedBy { name }
        briefing { id }
        item { position }
        relations { id type from { id } to { id } }
        counterClaims { id }
        statusHistory { from to note }
      }
    }
  }
}`;

const COUNTS = `{ briefings(first: 1) { totalCount } claims(first: 1) { totalCount } }`;

describe('sample briefing', () => {
  let t: TestApp;
  let seeder: SampleBriefingSeeder;
  let annotated: AnnotatedBriefing;
  let result: SeedResult;
  let briefing: SeededBriefing;
  /** The seeded claim of each annotation id (c1 … c36). */
  const byAnnotation = new Map<string, SeededClaim>();

  const seeded = (id: string) => byAnnotation.get(id)!;

  beforeAll(async () => {
    t = await startTestApp();
    seeder = t.app.get(SampleBriefingSeeder);
    annotated = await seeder.readFile();
    result = await seeder.seed(annotated);

    const { data, errors } = await t.gql<{ briefing: SeededBriefing }>(SEEDED_BRIEFING, {
      id: String(result.briefingId),
    });
    expect(errors).toBeUndefined();
    briefing = data.briefing;
    // The file lists each item's claims in reading order, as the API returns them.
    for (const item of briefing.items) {
      const annotations = annotated.claims.filter((claim) => claim.item === item.position);
      expect(item.claims.map((claim) => claim.text)).toEqual(annotations.map((a) => a.span));
      annotations.forEach((a, i) => byAnnotation.set(a.id, item.claims[i]));
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('seeds the briefing with its 23 items, 36 claims and 4 relations', () => {
    expect(result).toEqual({ briefingId: expect.any(Number), claims: 36, relations: 4 });
    expect(briefing).toMatchObject({
      id: String(result.briefingId),
      title: annotated.source.title,
      url: null,
      publishedAt: '2023-09-14T00:00:00.000Z',
      outlet: { name: 'The Washington Post' },
      claims: { totalCount: 36 },
    });
    expect(briefing.items).toHaveLength(23);
    expect(briefing.items.map((item) => [item.position, item.text])).toEqual(
      annotated.items.map((text, position) => [position, text]),
    );
    expect(byAnnotation.size).toBe(36);

    const relations = new Map(
      [...byAnnotation.values()].flatMap((claim) => claim.relations.map((r) => [r.id, r])),
    );
    expect(relations.size).toBe(4);
    const annotationOf = new Map([...byAnnotation].map(([name, claim]) => [claim.id, name]));
    expect(
      [...relations.values()].map((r) => [
        annotationOf.get(r.from.id),
        annotationOf.get(r.to.id),
        r.type,
      ]),
    ).toEqual(
      expect.arrayContaining(annotated.relations.map((r) => [r.from, r.to, r.type.toUpperCase()])),
    );
  });

  it('records the seeding in the audit trail under the seed actor', async () => {
    const claimIds = [...byAnnotation.values()].map((claim) => claim.id);
    const { data, errors } = await t.gql(
      `query ($briefingId: ID!) {
        briefing: auditEvents(filter: { entityType: BRIEFING, entityId: $briefingId }) {
          edges { node { actor action } }
        }
        claims: auditEvents(filter: { actor: "seed", action: CLAIM_CREATED }, first: 100) {
          edges { node { entityId } }
        }
        relations: auditEvents(filter: { actor: "seed", action: CLAIMS_LINKED }, first: 100) {
          edges { node { after } }
        }
      }`,
      { briefingId: briefing.id },
    );
    expect(errors).toBeUndefined();
    expect(data.briefing.edges).toEqual([{ node: { actor: 'seed', action: 'BRIEFING_CREATED' } }]);
    const claimEvents = data.claims.edges.map(
      (edge: { node: { entityId: string } }) => edge.node.entityId,
    );
    expect(claimEvents).toEqual(expect.arrayContaining(claimIds));
    const seededLinks = data.relations.edges.filter(
      (edge: { node: { after: { fromClaimId: number } } }) =>
        claimIds.includes(String(edge.node.after.fromClaimId)),
    );
    expect(seededLinks).toHaveLength(4);
  });

  it("gives every claim the file's status, phrase, quote, speaker, role and chain", () => {
    for (const a of annotated.claims) {
      const claim = seeded(a.id);
      const start = annotated.items[a.item].indexOf(a.span);
      expect(claim, a.id).toMatchObject({
        text: a.span,
        status: a.verification.toUpperCase(),
        verificationPhrase: a.verificationEvidence,
        speakerRole: a.speakerRole,
        quote: { text: a.span, start, end: start + a.span.length },
        speaker: { name: a.speaker },
        briefing: { id: briefing.id },
        item: { position: a.item },
      });
      expect(
        claim.reportedBy.map((outlet) => outlet.name),
        a.id,
      ).toEqual(a.reportedBy);
      expect(claim.statusHistory, a.id).toEqual([
        { from: null, to: a.verification.toUpperCase(), note: a.verificationEvidence },
      ]);
    }
  });

  it('records the statuses the text states: could not verify, not confirmed, denied', () => {
    expect(seeded('c3')).toMatchObject({
      status: 'COULD_NOT_VERIFY',
      verificationPhrase: 'The Washington Post could not independently verify the reports.',
    });
    expect(['c14', 'c15', 'c16'].map((id) => seeded(id).status)).toEqual([
      'NOT_CONFIRMED',
      'NOT_CONFIRMED',
      'NOT_CONFIRMED',
    ]);
    expect(seeded('c28').status).toBe('DENIED');
    expect(seeded('c1').status).toBe('UNVERIFIED');
    expect(seeded('c1').verificationPhrase).toBeNull();
  });

  it('credits the Dmitry Peskov claims to one speaker with the role "Kremlin spokesman"', () => {
    const peskov = annotated.claims.filter((a) => a.speaker === 'Dmitry Peskov');
    expect(peskov.map((a) => a.id)).toEqual(['c5', 'c6', 'c7', 'c8']);
    for (const a of peskov) {
      expect(seeded(a.id)).toMatchObject({
        speakerRole: 'Kremlin spokesman',
        speaker: { name: 'Dmitry Peskov', id: seeded('c5').speaker.id },
      });
    }
    // Speakers named twice in the file are one speaker.
    expect(seeded('c14').speaker.id).toBe(seeded('c21').speaker.id);
    expect(seeded('c14').speaker.id).not.toBe(seeded('c5').speaker.id);
  });

  it('keeps the reportedBy chains in the order of the file', () => {
    expect(seeded('c9').reportedBy).toEqual([{ name: 'Kremlin' }]);
    expect(seeded('c10').reportedBy).toEqual([{ name: 'Associated Press' }]);
    expect(seeded('c12').reportedBy).toEqual([{ name: 'White House' }]);
    expect(seeded('c33').reportedBy).toEqual([{ name: 'British Defense Ministry' }]);
    expect(seeded('c5').reportedBy).toEqual([]);
  });

  it('makes c30 (DENIES c28) and c28 counter-claims of each other, and nothing else', async () => {
    expect(seeded('c30').counterClaims).toEqual([{ id: seeded('c28').id }]);
    expect(seeded('c28').counterClaims).toEqual([{ id: seeded('c30').id }]);
    expect(seeded('c30').relations).toEqual([
      {
        id: expect.any(String),
        type: 'DENIES',
        from: { id: seeded('c30').id },
        to: { id: seeded('c28').id },
      },
    ]);
    for (const [id, claim] of byAnnotation) {
      if (id !== 'c28' && id !== 'c30') expect(claim.counterClaims, id).toEqual([]);
    }
    expect(seeded('c23').relations.map((r) => [r.type, r.from.id])).toEqual([
      ['SUPPORTS', seeded('c24').id],
      ['SUPPORTS', seeded('c25').id],
    ]);

    const { data, errors } = await t.gql(
      `query ($filter: ClaimFilter) { claims(first: 100, filter: $filter) { edges { node { id } } } }`,
      { filter: { briefingId: briefing.id, hasCounterClaims: true } },
    );
    expect(errors).toBeUndefined();
    expect(data.claims.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual(
      [seeded('c28').id, seeded('c30').id].sort(),
    );
  });

  it('seedIfEmpty returns null and writes nothing when the database already has briefings', async () => {
    const before = await t.gql(COUNTS);
    expect(before.data.briefings.totalCount).toBeGreaterThan(0);

    expect(await seeder.seedIfEmpty()).toBeNull();

    const after = await t.gql(COUNTS);
    expect(after.data).toEqual(before.data);
  });

  it('writes nothing when seeding fails part-way (one transaction)', async () => {
    const before = await t.gql(COUNTS);
    const broken: AnnotatedBriefing = structuredClone(annotated);
    broken.relations.push({ from: 'c1', to: 'c999', type: 'supports' });

    await expect(seeder.seed(broken)).rejects.toThrow(/unknown claim/);

    const after = await t.gql(COUNTS);
    expect(after.data).toEqual(before.data);
  });
});
