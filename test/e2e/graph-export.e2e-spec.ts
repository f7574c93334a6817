import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import jsonld from 'jsonld';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outlet } from '../../src/actors/outlet.entity.js';
import { Speaker } from '../../src/actors/speaker.entity.js';
import { Role } from '../../src/auth/role.js';
import { BriefingItem } from '../../src/briefings/briefing-item.entity.js';
import { Briefing } from '../../src/briefings/briefing.entity.js';
import { ClaimRelation } from '../../src/claim-relations/claim-relation.entity.js';
import { ClaimRelationType } from '../../src/claim-relations/claim-relation-type.js';
import { ClaimOutlet } from '../../src/claims/claim-outlet.entity.js';
import { Claim } from '../../src/claims/claim.entity.js';
import { chunks } from '../../src/common/sql/chunks.js';
import { SampleBriefingSeeder } from '../../src/database/seed/sample-briefing.seeder.js';
import { ExportFormat } from '../../src/graph-export/export-format.js';
import { GraphExportService } from '../../src/graph-export/graph-export.service.js';
import { StatusChange } from '../../src/verification/status-change.entity.js';
import {
  SETTLED_STATUSES,
  VerificationStatus,
} from '../../src/verification/verification-status.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PYTHON = '/usr/bin/python3';
const NETWORKX_READER = fileURLToPath(
  new URL('../support/readers/networkx_read.py', import.meta.url),
);
const SCHEMA_ORG_CONTEXT = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/schemaorg-context.jsonld', import.meta.url)),
    'utf8',
  ),
) as object;

/**
 * Quotes, markup, CR LF, a tab, emoji, and C0 controls XML cannot carry (not NUL: PostgreSQL
 * text cannot hold it).
 */
const AWKWARD =
  'He said "no" <b>&amp;</b> & \'yes\'\r\nthen\tleft 🛰️🇺🇦 bell\u0007 soh\u0001 esc\u001b ff\u000c.';
/** What the XML formats make of it: forbidden controls become U+FFFD. */
// eslint-disable-next-line no-control-regex -- the controls XML 1.0 forbids
const inXml = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');

interface NetworkxGraph {
  networkx: string;
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, string | null, Record<string, unknown>][];
}

interface GraphQlGraph {
  nodes: { id: string; kind: string; label: string }[];
  edges: { source: string; target: string; type: string; position: number | null }[];
}

type ExportType = 'graphml' | 'gexf' | 'json';

const edgeKey = (source: string, target: string, type: unknown, position?: unknown) =>
  `${source}|${target}|${String(type)}|${position ?? ''}`;

/** A small generated graph written straight to the database, so any character can go in. */
async function insertGraph(dataSource: DataSource, claimCount: number) {
  const tag = `tag${randomUUID().slice(0, 8)}`;
  const m = dataSource.manager;
  const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
  const outlet = (name: string, url: string | null) =>
    m.save(
      m.create(Outlet, {
        name,
        normalizedName: `${name} ${tag}`.toLowerCase(),
        kind: 'NEWS' as Outlet['kind'],
        url,
        createdAt: at(0),
      }),
    );
  const publisher = await outlet(`Gazette ${tag}`, 'https://gazette.example/?a=1&b=<2>');
  const relays = [await outlet(`Wire ${tag}`, null), await outlet(`Relay ${AWKWARD} ${tag}`, null)];
  const speakers: Speaker[] = [];
  for (let i = 0; i < Math.max(2, Math.ceil(claimCount / 20)); i++) {
    const name = i === 0 ? `Speaker ${AWKWARD} ${tag}` : `Speaker ${i} ${tag}`;
    speakers.push(
      await m.save(
        m.create(Speaker, {
          name,
          normalizedName: name.toLowerCase(),
          kind: (i % 2 ? 'ORGANIZATION' : 'PERSON') as Speaker['kind'],
          affiliation: i === 0 ? 'Ministry <of> "Truth" & Co' : null,
          createdAt: at(0),
        }),
      ),
    );
  }
  const briefing = (title: string, outletId: number | null) =>
    m.save(
      m.create(Briefing, {
        title,
        url: `https://gazette.example/${tag}/${randomUUID()}`,
        outletId,
        publishedAt: at(1),
        createdAt: at(1),
        updatedAt: at(1),
      }),
    );
  const main = await briefing(`Live: ${AWKWARD} ${tag}`, publisher.id);
  const other = await briefing(`Elsewhere ${tag}`, null);
  const items: BriefingItem[] = [];
  for (const [b, count] of [
    [main, 3],
    [other, 1],
  ] as const) {
    for (let position = 0; position < count; position++) {
      items.push(
        await m.save(
          m.create(BriefingItem, {
            briefingId: b.id,
            position,
            text: `Item ${position}: ${AWKWARD}`,
          }),
        ),
      );
    }
  }
  const statuses = Object.values(VerificationStatus);
  const claims: Claim[] = [];
  for (let i = 0; i < claimCount; i++) {
    const item = i === claimCount - 1 ? items[3] : items[i % 3];
    claims.push(
      m.create(Claim, {
        itemId: item.id,
        briefingId: item.briefingId,
        text: i === 0 ? `${AWKWARD} ${tag}` : `Claim ${i} of ${tag}`,
        quote: i === 0 ? 'said "no"' : null,
        quoteStart: null,
        quoteEnd: null,
        speakerId: speakers[i % speakers.length].id,
        speakerRole: i % 2 ? 'spokes<wo>man' : null,
        status: statuses[i % statuses.length],
        verificationPhrase: i % 3 ? null : `phrase & ${i}`,
        assignee: null,
        followUpAt: null,
        version: 1 + (i % 3),
        createdAt: at(10 + i),
        updatedAt: at(10 + i),
      }),
    );
  }
  // One row at a time: a multi-row insert on better-sqlite3 does not report each row's id, and
  // guessed ids hung this graph's history on other tests' claims.
  for (const claim of claims) await m.insert(Claim, claim);
  const hops: ClaimOutlet[] = [];
  const changes: StatusChange[] = [];
  claims.forEach((claim, i) => {
    const chain = [[], [relays[0]], [relays[0], relays[1]]][i % 3];
    chain.forEach((o, position) =>
      hops.push(m.create(ClaimOutlet, { claimId: claim.id, position, outletId: o.id })),
    );
    // 1–3 steps ending at the claim's status, a day apart.
    const path = [VerificationStatus.UNVERIFIED, VerificationStatus.NOT_CONFIRMED, claim.status]
      .slice(-(1 + (i % 3)))
      .filter((s, index, all) => index === 0 || s !== all[index - 1]);
    path.forEach((toStatus, step) =>
      changes.push(
        m.create(StatusChange, {
          claimId: claim.id,
          fromStatus: step === 0 ? null : path[step - 1],
          toStatus,
          note: step === path.length - 1 ? `Checked: ${AWKWARD}` : null,
          evidenceUrls: [],
          changedBy: 'test',
          changedAt: new Date(claim.createdAt.getTime() + step * 86_400_000),
        }),
      ),
    );
  });
  for (const chunk of chunks(hops, 100)) await m.insert(ClaimOutlet, chunk);
  for (const chunk of chunks(changes, 100)) await m.insert(StatusChange, chunk);
  const relation = (from: Claim, to: Claim, type: ClaimRelationType, note: string | null) =>
    m.create(ClaimRelation, {
      fromClaimId: from.id,
      toClaimId: to.id,
      type,
      note,
      createdBy: 'test',
      createdAt: at(5000),
      updatedAt: at(5000),
    });
  const outside = claims[claimCount - 1];
  await m.insert(ClaimRelation, [
    relation(claims[1], claims[0], ClaimRelationType.COUNTERS, `Because ${AWKWARD}`),
    relation(claims[2], claims[0], ClaimRelationType.SUPPORTS, null),
    relation(claims[0], claims[2], ClaimRelationType.RESPONDS_TO, null),
    // Leaves the main briefing: dangling when the export is filtered to it.
    relation(claims[1], outside, ClaimRelationType.DENIES, null),
  ]);
  return { tag, main, other, claims, outside, publisher, relays, speakers };
}

describe('graph exports', () => {
  let t: TestApp;
  let dir: string;
  let researcher: string;

  const get = async (path: string, key: string | null = researcher) => {
    const call = request(t.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
    if (key) call.set('authorization', `Bearer ${key}`);
    const response = await call;
    return { status: response.status, headers: response.headers, body: response.body as Buffer };
  };

  const exportOk = async (path: string) => {
    const response = await get(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body}`);
    return response;
  };

  const networkx = async (format: ExportType, query: string): Promise<NetworkxGraph> => {
    const { body } = await exportOk(`/export/graph.${format}?${query}`);
    const file = join(dir, `${randomUUID()}.${format}`);
    writeFileSync(file, body);
    return JSON.parse(
      execFileSync(PYTHON, [NETWORKX_READER, format, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as NetworkxGraph;
  };

  const claimGraph = async (filter: Record<string, unknown>): Promise<GraphQlGraph> =>
    (
      await t.ok<{ claimGraph: GraphQlGraph }>(
        `query ($filter: ClaimFilter) {
          claimGraph(filter: $filter) { nodes { id kind label } edges { source target type position } }
        }`,
        { filter },
      )
    ).claimGraph;

  const expand = (document: unknown) =>
    jsonld.expand(
      document as jsonld.JsonLdDocument,
      {
        safe: true,
        documentLoader: async (url: string) => {
          if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`No network: ${url}`);
          return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
        },
      } as jsonld.Options.Expand,
    );

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'claimtrack-export-'));
    researcher = (await t.createKey(Role.RESEARCHER)).key;
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  describe('access and parameters', () => {
    it('needs an API key: 401 without one or with a bad one', async () => {
      for (const key of [null, 'ctk_nope']) {
        const response = await get('/export/graph.graphml', key);
        expect(response.status).toBe(401);
        expect(JSON.parse(response.body.toString())).toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: key ? 'INVALID_API_KEY' : 'MISSING_API_KEY',
        });
      }
    });

    it.each([
      ['status=NOPE', 'VALIDATION_FAILED', 'status'],
      ['open=maybe', 'EXPORT_PARAMETER_INVALID', 'open'],
      ['since=yesterday', 'EXPORT_PARAMETER_INVALID', 'since'],
      ['briefingId=abc', 'VALIDATION_FAILED', 'briefingId'],
      ['speakerId=1&speakerId=2', 'EXPORT_PARAMETER_INVALID', 'speakerId'],
      ['colour=red', 'EXPORT_PARAMETER_UNKNOWN', 'colour'],
      ['table=nodes', 'EXPORT_PARAMETER_INVALID', 'table'],
      ['variant=research', 'EXPORT_PARAMETER_INVALID', 'variant'],
    ])('answers %s with 400 and a stable code', async (query, reason, field) => {
      const response = await get(`/export/graph.graphml?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      const body = JSON.parse(response.body.toString()) as Record<string, unknown>;
      expect(body).toMatchObject({ statusCode: 400, code: 'BAD_USER_INPUT', reason });
      expect(String(body.field)).toMatch(new RegExp(`^${field}`));
    });

    it('answers an unknown format with 404, and graph.csv without a table with 400', async () => {
      const unknown = await get('/export/graph.pdf');
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.body.toString())).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'EXPORT_FORMAT_UNKNOWN',
      });
      expect((await get('/export/graph.csv')).status).toBe(400);
    });
  });

  describe('the sample briefing', () => {
    let query: string;
    let briefingId: string;

    beforeAll(async () => {
      const seeder = t.app.get(SampleBriefingSeeder);
      const annotated = await seeder.readFile();
      // A URL of its own: other files seed the same briefing into this run's database.
      const url = `${annotated.source.url ?? 'https://sample.example/'}#export-${randomUUID()}`;
      const result = await seeder.seed({ ...annotated, source: { ...annotated.source, url } });
      briefingId = String(result.briefingId);
      query = `briefingId=${briefingId}`;
    });

    it.each<ExportType>(['graphml', 'gexf', 'json'])(
      'networkx reads the %s export with exactly the nodes and edges of claimGraph',
      async (format) => {
        const [read, expected] = await Promise.all([
          networkx(format, query),
          claimGraph({ briefingId }),
        ]);
        expect(read.directed).toBe(true);
        expect(Object.keys(read.nodes)).toHaveLength(expected.nodes.length);
        expect(read.edges).toHaveLength(expected.edges.length);
        expect(Object.keys(read.nodes).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
        for (const node of expected.nodes) {
          expect(read.nodes[node.id].label).toBe(inXml(node.label));
          expect(read.nodes[node.id].kind).toBe(node.kind);
        }
        const readEdges = read.edges.map(([s, tg, , d]) => edgeKey(s, tg, d.type, d.position));
        const expectedEdges = expected.edges.map((e) =>
          edgeKey(e.source, e.target, e.type, e.position),
        );
        expect(readEdges.sort()).toEqual(expectedEdges.sort());
      },
    );

    it('carries claim attributes as the database holds them', async () => {
      const read = await networkx('graphml', query);
      const claims = await t.dataSource.manager.findBy(Claim, { briefingId: Number(briefingId) });
      expect(claims.length).toBeGreaterThan(30);
      for (const claim of claims) {
        const node = read.nodes[`claim:${claim.id}`];
        expect(node.text).toBe(claim.text);
        expect(node.status).toBe(claim.status);
        expect(node.createdAt).toBe(claim.createdAt.toISOString());
        expect(node.verificationPhrase ?? null).toBe(claim.verificationPhrase);
        expect(node.speakerRole ?? null).toBe(claim.speakerRole);
      }
    });

    it('expands as JSON-LD in safe mode: a Claim per claim, a ClaimReview per settled one', async () => {
      const { body, headers } = await exportOk(`/export/graph.jsonld?${query}`);
      expect(headers['content-type']).toMatch(/application\/ld\+json/);
      const expanded = (await expand(JSON.parse(body.toString()))) as Record<string, unknown>[];
      const ofType = (type: string) =>
        expanded.filter((o) => (o['@type'] as string[]).includes(`http://schema.org/${type}`));
      const claims = await t.dataSource.manager.findBy(Claim, { briefingId: Number(briefingId) });
      expect(ofType('Claim')).toHaveLength(claims.length);
      const settled = claims.filter((c) => SETTLED_STATUSES.includes(c.status));
      expect(ofType('ClaimReview')).toHaveLength(settled.length);
      const claim = ofType('Claim')[0];
      for (const property of ['author', 'appearance', 'firstAppearance', 'text']) {
        expect(claim[`http://schema.org/${property}`]).toBeDefined();
      }
    });
  });

  describe('a generated graph', () => {
    let g: Awaited<ReturnType<typeof insertGraph>>;
    let query: string;

    beforeAll(async () => {
      g = await insertGraph(t.dataSource, 40);
      query = `briefingId=${g.main.id}`;
    });

    it.each<ExportType>(['graphml', 'gexf', 'json'])(
      'the %s export matches claimGraph and leaves out the relation that would dangle',
      async (format) => {
        const [read, expected] = await Promise.all([
          networkx(format, query),
          claimGraph({ briefingId: String(g.main.id) }),
        ]);
        expect(Object.keys(read.nodes)).toHaveLength(expected.nodes.length);
        expect(read.edges).toHaveLength(expected.edges.length);
        // 39 claims, 2 speakers, 3 outlets, 3 items, 1 briefing.
        expect(expected.nodes).toHaveLength(39 + 2 + 3 + 3 + 1);
        expect(read.nodes[`claim:${g.outside.id}`]).toBeUndefined();
        const types = read.edges.map(([, , , d]) => d.type);
        expect(types.filter((type) => type === 'DENIES')).toHaveLength(0);
        expect(types.filter((type) => type === 'COUNTERS')).toHaveLength(1);
        expect(types.filter((type) => type === 'PUBLISHED_BY')).toHaveLength(1);
      },
    );

    it.each<ExportType>(['graphml', 'gexf', 'json'])(
      'awkward text survives the %s export (XML replaces forbidden controls)',
      async (format) => {
        const read = await networkx(format, query);
        const expect_ = format === 'json' ? (s: string) => s : inXml;
        const first = read.nodes[`claim:${g.claims[0].id}`];
        expect(first.text).toBe(expect_(g.claims[0].text));
        expect(first.quote).toBe('said "no"');
        expect(read.nodes[`speaker:${g.speakers[0].id}`].name).toBe(expect_(g.speakers[0].name));
        expect(read.nodes[`speaker:${g.speakers[0].id}`].affiliation).toBe(
          'Ministry <of> "Truth" & Co',
        );
        expect(read.nodes[`briefing:${g.main.id}`].title).toBe(expect_(g.main.title));
        expect(read.nodes[`outlet:${g.publisher.id}`].url).toBe(
          'https://gazette.example/?a=1&b=<2>',
        );
        const counters = read.edges.find(([, , , d]) => d.type === 'COUNTERS')!;
        expect(counters[3].note).toBe(expect_(`Because ${AWKWARD}`));
        const hop = read.edges.find(([, , , d]) => d.type === 'REPORTED_BY' && d.position === 1)!;
        expect(hop[1]).toBe(`outlet:${g.relays[1].id}`);
      },
    );

    it('GEXF carries one status spell per status change', async () => {
      const read = await networkx('gexf', query);
      const changes = await t.dataSource.manager.find(StatusChange, {
        where: g.claims.slice(0, 6).map((c) => ({ claimId: c.id })),
        order: { changedAt: 'ASC', id: 'ASC' },
      });
      for (const claim of g.claims.slice(0, 6)) {
        const own = changes.filter((c) => c.claimId === claim.id);
        const spells = read.nodes[`claim:${claim.id}`].status as [string, string, string][];
        expect(spells).toEqual(
          own.map((c, i) => [
            c.toStatus,
            c.changedAt.toISOString(),
            own[i + 1] ? own[i + 1].changedAt.toISOString() : 'None',
          ]),
        );
        expect(read.nodes[`claim:${claim.id}`].start).toBe(claim.createdAt.toISOString());
      }
    });

    it('the CSV zip holds nodes.csv and edges.csv that csv-parse reads back', async () => {
      const { body, headers } = await exportOk(`/export/graph.csv.zip?${query}`);
      expect(headers['content-type']).toBe('application/zip');
      expect(headers['content-disposition']).toBe('attachment; filename="graph.csv.zip"');
      const files = unzipSync(new Uint8Array(body));
      expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
      const nodes = parseCsv(Buffer.from(files['nodes.csv']), { columns: true }) as Record<
        string,
        string
      >[];
      const edges = parseCsv(Buffer.from(files['edges.csv']), { columns: true }) as Record<
        string,
        string
      >[];
      const expected = await claimGraph({ briefingId: String(g.main.id) });
      expect(nodes.map((n) => n.Id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(edges.map((e) => edgeKey(e.Source, e.Target, e.Label, e.Position)).sort()).toEqual(
        expected.edges.map((e) => edgeKey(e.source, e.target, e.type, e.position)).sort(),
      );
      expect(Object.keys(nodes[0]).slice(0, 3)).toEqual(['Id', 'Label', 'Kind']);
      expect(Object.keys(edges[0]).slice(0, 5)).toEqual([
        'Source',
        'Target',
        'Type',
        'Id',
        'Label',
      ]);
      expect(new Set(edges.map((e) => e.Type))).toEqual(new Set(['Directed']));
      // CSV keeps every character, controls included.
      expect(nodes.find((n) => n.Id === `claim:${g.claims[0].id}`)!.text).toBe(g.claims[0].text);
      const plain = await exportOk(`/export/graph.csv?${query}&table=edges`);
      expect(plain.headers['content-disposition']).toBe('attachment; filename="edges.csv"');
      expect(parseCsv(plain.body, { columns: true })).toEqual(edges);
    });

    it('JSON-LD: reviews rate the verdicts on the 1–5 scale; the research variant adds PROV-O', async () => {
      const plain = JSON.parse((await exportOk(`/export/graph.jsonld?${query}`)).body.toString());
      const reviews = (await expand(plain)) as Record<string, unknown>[];
      const ratingOf = new Map<string, number>();
      for (const review of reviews.filter((o) =>
        (o['@type'] as string[]).includes('http://schema.org/ClaimReview'),
      )) {
        const rating = (review['http://schema.org/reviewRating'] as Record<string, unknown>[])[0];
        const value = (rating['http://schema.org/ratingValue'] as { '@value': number }[])[0][
          '@value'
        ];
        const status = (rating['http://schema.org/alternateName'] as { '@value': string }[])[0][
          '@value'
        ];
        ratingOf.set(status, value);
      }
      expect(Object.fromEntries(ratingOf)).toEqual({
        FALSE: 1,
        RETRACTED: 2,
        MISLEADING: 3,
        CONFIRMED: 5,
      });
      const awkward = reviews.find((o) => o['@id'] === `urn:claimtrack:claim:${g.claims[0].id}`)!;
      expect((awkward['http://schema.org/text'] as { '@value': string }[])[0]['@value']).toBe(
        g.claims[0].text,
      );

      const research = await exportOk(`/export/graph.jsonld?${query}&variant=research`);
      expect(research.headers['content-disposition']).toMatch(/graph\.research\.jsonld/);
      const expanded = (await expand(JSON.parse(research.body.toString()))) as Record<
        string,
        unknown
      >[];
      const prov = 'http://www.w3.org/ns/prov#';
      const chained = expanded.find((o) => o['@id'] === `urn:claimtrack:claim:${g.claims[2].id}`)!;
      expect(chained['@type']).toContain(`${prov}Entity`);
      const attributions = chained[`${prov}qualifiedAttribution`] as Record<string, unknown>[];
      expect(
        attributions.map((a) => [
          (a[`${prov}agent`] as { '@id': string }[])[0]['@id'],
          (a['http://schema.org/position'] as { '@value': number }[])[0]['@value'],
        ]),
      ).toEqual([
        [`urn:claimtrack:outlet:${g.relays[0].id}`, 0],
        [`urn:claimtrack:outlet:${g.relays[1].id}`, 1],
      ]);
      expect(chained[`${prov}wasAttributedTo`]).toHaveLength(3);
    });

    it('an empty filter result is a valid empty file in every format', async () => {
      const empty = `search=${randomUUID()}`;
      for (const format of ['graphml', 'gexf', 'json'] as const) {
        const read = await networkx(format, empty);
        expect(Object.keys(read.nodes)).toHaveLength(0);
        expect(read.edges).toHaveLength(0);
      }
      const zip = unzipSync(
        new Uint8Array((await exportOk(`/export/graph.csv.zip?${empty}`)).body),
      );
      expect(parseCsv(Buffer.from(zip['nodes.csv']), { columns: true })).toEqual([]);
      expect(Buffer.from(zip['edges.csv']).toString()).toBe(
        'Source,Target,Type,Id,Label,Position,Note\n',
      );
      const ld = JSON.parse((await exportOk(`/export/graph.jsonld?${empty}`)).body.toString());
      expect(await expand(ld)).toEqual([]);
    });
  });

  describe('at size', () => {
    let g: Awaited<ReturnType<typeof insertGraph>>;

    beforeAll(async () => {
      // More claims than one batch, so the keyset pages are crossed.
      g = await insertGraph(t.dataSource, 1200);
    });

    it('exports every claim and exactly what they touch, by search filter', async () => {
      const read = await networkx('graphml', `search=${g.tag}`);
      const dataSource = t.dataSource;
      const claims = await dataSource.manager.findBy(Claim, { briefingId: g.main.id });
      const outsideClaims = await dataSource.manager.findBy(Claim, { briefingId: g.other.id });
      const all = [...claims, ...outsideClaims];
      const hops = await dataSource.manager.find(ClaimOutlet, {
        where: [{ outletId: g.relays[0].id }, { outletId: g.relays[1].id }],
      });
      const ownHops = hops.filter((h) => all.some((c) => c.id === h.claimId));
      const expectedNodes =
        all.length + g.speakers.length + 3 /* outlets */ + 4 /* items */ + 2; /* briefings */
      const expectedEdges = 2 * all.length + ownHops.length + 4 + 1 + 4;
      expect(Object.keys(read.nodes)).toHaveLength(expectedNodes);
      expect(read.edges).toHaveLength(expectedEdges);
    });

    it('streams: the first bytes leave before the last claims are read, and later claims stay out', async () => {
      const result = t.app
        .get(GraphExportService)
        .export(ExportFormat.JSON, { search: g.tag, briefingId: g.main.id });
      let read = 0;
      result.onClaims((claims) => (read = claims));
      const iterator = result.body[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.done).toBe(false);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(1199);
      // A claim recorded mid-export is left out of both passes, so its edges cannot dangle.
      const late = g.claims[1];
      await t.dataSource.manager.insert(Claim, {
        ...late,
        id: undefined,
        text: `Late claim of ${g.tag}`,
      } as Partial<Claim> as Claim);
      let bytes = (first.value as Buffer).length;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        bytes += (next.value as Buffer).length;
      }
      expect(bytes).toBeGreaterThan(64 * 1024);
      // Two passes over 1,199 claims: nodes, then edges.
      expect(read).toBe(2 * 1199);
      expect(result.counts.nodes).toBe(1199 + g.speakers.length + 3 + 3 + 1);
    });
  });
});
