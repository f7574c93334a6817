import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  createBriefing,
  createClaim,
  uniqueName,
  type CreatedBriefing,
  type CreatedClaim,
} from '../support/factories.js';
import { startTestApp, type GraphqlError, type TestApp } from '../support/test-app.js';

const GRAPH = `query ($root: ID, $depth: Int, $filter: ClaimFilter) {
  claimGraph(rootClaimId: $root, depth: $depth, filter: $filter) {
    nodes { id kind label }
    edges { source target type position }
  }
}`;

interface GraphNode {
  id: string;
  kind: string;
  label: string;
}

interface GraphEdge {
  source: string;
  target: string;
  type: string;
  position: number | null;
}

interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const NODE_ID = /^(claim|speaker|outlet|item|briefing):[1-9][0-9]*$/;

const edgeKey = (edge: GraphEdge) =>
  `${edge.type} ${edge.source} -> ${edge.target}${edge.position === null ? '' : ` #${edge.position}`}`;

const edge = (type: string, source: string, target: string, position: number | null = null) => ({
  type,
  source,
  target,
  position,
});

/** Node ids unique and well-formed, each matching its kind; no edge leaves the node set. */
function expectWellFormed(graph: Graph) {
  const ids = graph.nodes.map((node) => node.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const node of graph.nodes) {
    expect(node.id).toMatch(NODE_ID);
    expect(node.id.split(':')[0]).toBe(node.kind.toLowerCase());
    expect(node.label.length).toBeGreaterThan(0);
  }
  const known = new Set(ids);
  for (const e of graph.edges) {
    expect(known.has(e.source), `dangling source of ${edgeKey(e)}`).toBe(true);
    expect(known.has(e.target), `dangling target of ${edgeKey(e)}`).toBe(true);
  }
  const keys = graph.edges.map(edgeKey);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('claim graph', () => {
  let t: TestApp;

  // Briefing one (published by an outlet): items i0, i1. Briefing two (no outlet): item j0.
  // a (i0, speaker S1, via W1 then W2) SUPPORTS b (i1, S2, via W1) DENIES c (j0, S1);
  // d (i0, S2) is in briefing one but linked to nothing.
  let one: CreatedBriefing;
  let two: CreatedBriefing;
  let a: CreatedClaim;
  let b: CreatedClaim;
  let c: CreatedClaim;
  let d: CreatedClaim;
  const longText = `Russia is looking to obtain weaponry from North Korea ${'to bolster its supplies '.repeat(6)}`;
  const names = {
    publisher: uniqueName('Graph Gazette'),
    s1: uniqueName('Speaker One'),
    s2: uniqueName('Speaker Two'),
    w1: uniqueName('Wire One'),
    w2: uniqueName('Wire Two'),
  };
  const id = {} as Record<
    | 'a'
    | 'b'
    | 'c'
    | 'd'
    | 's1'
    | 's2'
    | 'w1'
    | 'w2'
    | 'publisher'
    | 'i0'
    | 'i1'
    | 'j0'
    | 'one'
    | 'two',
    string
  >;

  function onlyError(errors: GraphqlError[] | undefined): GraphqlError {
    expect(errors).toHaveLength(1);
    return errors![0];
  }

  async function graph(variables: Record<string, unknown>): Promise<Graph> {
    const { data, errors } = await t.gql<{ claimGraph: Graph }>(GRAPH, variables);
    expect(errors).toBeUndefined();
    expectWellFormed(data.claimGraph);
    return data.claimGraph;
  }

  const nodeIds = (g: Graph) => g.nodes.map((node) => node.id).sort();
  const edgeKeys = (g: Graph) => g.edges.map(edgeKey).sort();

  // The pieces of the expected graphs, by claim.
  const claimNodes = {
    a: () => [id.a, id.s1, id.w1, id.w2, id.i0, id.one, id.publisher],
    b: () => [id.b, id.s2, id.w1, id.i1, id.one, id.publisher],
    c: () => [id.c, id.s1, id.j0, id.two],
    d: () => [id.d, id.s2, id.i0, id.one, id.publisher],
  };
  const claimEdges = {
    a: () => [
      edge('SAID', id.s1, id.a),
      edge('APPEARS_IN', id.a, id.i0),
      edge('REPORTED_BY', id.a, id.w1, 0),
      edge('REPORTED_BY', id.a, id.w2, 1),
      edge('PART_OF', id.i0, id.one),
      edge('PUBLISHED_BY', id.one, id.publisher),
    ],
    b: () => [
      edge('SAID', id.s2, id.b),
      edge('APPEARS_IN', id.b, id.i1),
      edge('REPORTED_BY', id.b, id.w1, 0),
      edge('PART_OF', id.i1, id.one),
      edge('PUBLISHED_BY', id.one, id.publisher),
    ],
    c: () => [
      edge('SAID', id.s1, id.c),
      edge('APPEARS_IN', id.c, id.j0),
      edge('PART_OF', id.j0, id.two),
    ],
    d: () => [
      edge('SAID', id.s2, id.d),
      edge('APPEARS_IN', id.d, id.i0),
      edge('PART_OF', id.i0, id.one),
      edge('PUBLISHED_BY', id.one, id.publisher),
    ],
  };
  const supports = () => edge('SUPPORTS', id.a, id.b);
  const denies = () => edge('DENIES', id.b, id.c);

  function expected(claims: (keyof typeof claimNodes)[], relations: GraphEdge[]) {
    const nodes = [...new Set(claims.flatMap((claim) => claimNodes[claim]()))].sort();
    const edges = [
      ...new Set([...claims.flatMap((claim) => claimEdges[claim]()), ...relations].map(edgeKey)),
    ].sort();
    return { nodes, edges };
  }

  async function link(from: CreatedClaim, type: string, to: CreatedClaim) {
    const { errors } = await t.gql(
      `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { id } }`,
      { input: { fromClaimId: from.id, toClaimId: to.id, type } },
    );
    expect(errors).toBeUndefined();
  }

  beforeAll(async () => {
    t = await startTestApp();
    one = await createBriefing(t, {
      title: 'Graph briefing one',
      outletName: names.publisher,
      items: ['Paragraph zero of briefing one.', 'Paragraph one of briefing one.'],
    });
    two = await createBriefing(t, {
      title: 'Graph briefing two',
      outletName: null,
      items: ['The only paragraph of briefing two.'],
    });
    a = await createClaim(t, one.items[0].id, {
      text: longText,
      speakerName: names.s1,
      reportedBy: [names.w1, names.w2],
    });
    b = await createClaim(t, one.items[1].id, {
      text: 'Claim b',
      speakerName: names.s2,
      reportedBy: [names.w1],
    });
    c = await createClaim(t, two.items[0].id, { text: 'Claim c', speakerName: names.s1 });
    d = await createClaim(t, one.items[0].id, { text: 'Claim d', speakerName: names.s2 });
    await link(a, 'SUPPORTS', b);
    await link(b, 'DENIES', c);

    const { data, errors } = await t.gql(
      `query ($a: ID!, $b: ID!, $c: ID!) {
        a: claim(id: $a) { speaker { id } reportedBy { id } briefing { outlet { id } } }
        b: claim(id: $b) { speaker { id } }
        c: claim(id: $c) { speaker { id } }
      }`,
      { a: a.id, b: b.id, c: c.id },
    );
    expect(errors).toBeUndefined();
    expect(data.c.speaker.id).toBe(data.a.speaker.id);
    Object.assign(id, {
      a: `claim:${a.id}`,
      b: `claim:${b.id}`,
      c: `claim:${c.id}`,
      d: `claim:${d.id}`,
      s1: `speaker:${data.a.speaker.id}`,
      s2: `speaker:${data.b.speaker.id}`,
      w1: `outlet:${data.a.reportedBy[0].id}`,
      w2: `outlet:${data.a.reportedBy[1].id}`,
      publisher: `outlet:${data.a.briefing.outlet.id}`,
      i0: `item:${one.items[0].id}`,
      i1: `item:${one.items[1].id}`,
      j0: `item:${two.items[0].id}`,
      one: `briefing:${one.id}`,
      two: `briefing:${two.id}`,
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('at depth 0 holds only the root with its speaker, outlets, item and briefing', async () => {
    const g = await graph({ root: a.id, depth: 0 });
    const want = expected(['a'], []);
    expect(nodeIds(g)).toEqual(want.nodes);
    expect(edgeKeys(g)).toEqual(want.edges);
    expect(g.nodes).toHaveLength(7);
    expect(g.edges).toHaveLength(6);
  });

  it('at depth 1 adds the claims one relation away, with the relation edge', async () => {
    const g = await graph({ root: a.id, depth: 1 });
    const want = expected(['a', 'b'], [supports()]);
    expect(nodeIds(g)).toEqual(want.nodes);
    expect(edgeKeys(g)).toEqual(want.edges);
    expect(g.nodes).toHaveLength(10);
    expect(g.edges).toHaveLength(11);
    expect(g.nodes.filter((node) => node.kind === 'CLAIM').map((node) => node.id)).not.toContain(
      id.c,
    );
  });

  it('at depth 2 reaches the end of the chain across briefings, and no further at depth 5', async () => {
    const want = expected(['a', 'b', 'c'], [supports(), denies()]);
    for (const depth of [2, 5]) {
      const g = await graph({ root: a.id, depth });
      expect(nodeIds(g)).toEqual(want.nodes);
      expect(edgeKeys(g)).toEqual(want.edges);
      expect(g.nodes).toHaveLength(13);
      expect(g.edges).toHaveLength(15);
      // d shares a briefing and an item with a but no relation: it never appears.
      expect(nodeIds(g)).not.toContain(id.d);
    }
  });

  it('follows relations in both directions from the root, and defaults to depth 2', async () => {
    const fromMiddle = await graph({ root: b.id, depth: 1 });
    const all = expected(['a', 'b', 'c'], [supports(), denies()]);
    expect(nodeIds(fromMiddle)).toEqual(all.nodes);
    expect(edgeKeys(fromMiddle)).toEqual(all.edges);

    const fromEnd = await graph({ root: c.id });
    expect(nodeIds(fromEnd)).toEqual(all.nodes);
    const oneHopFromEnd = await graph({ root: c.id, depth: 1 });
    const want = expected(['b', 'c'], [denies()]);
    expect(nodeIds(oneHopFromEnd)).toEqual(want.nodes);
    expect(edgeKeys(oneHopFromEnd)).toEqual(want.edges);
  });

  it('keeps to claims the filter admits around a root', async () => {
    const g = await graph({ root: a.id, depth: 2, filter: { briefingId: one.id } });
    const want = expected(['a', 'b'], [supports()]);
    expect(nodeIds(g)).toEqual(want.nodes);
    expect(edgeKeys(g)).toEqual(want.edges);
  });

  it('always includes the root, even when the filter excludes it', async () => {
    const fromOtherBriefing = await graph({ root: c.id, depth: 2, filter: { briefingId: one.id } });
    const all = expected(['a', 'b', 'c'], [supports(), denies()]);
    expect(nodeIds(fromOtherBriefing)).toEqual(all.nodes);
    expect(edgeKeys(fromOtherBriefing)).toEqual(all.edges);

    // b is not admitted, so nothing beyond it is reached either.
    const alone = await graph({ root: c.id, depth: 2, filter: { briefingId: two.id } });
    expect(nodeIds(alone)).toEqual(expected(['c'], []).nodes);
  });

  it('labels nodes: claim text cut to 120 characters, names, titles, numbered items', async () => {
    const g = await graph({ root: a.id, depth: 0 });
    const label = (nodeId: string) => g.nodes.find((node) => node.id === nodeId)?.label;
    expect(longText.length).toBeGreaterThan(120);
    expect(label(id.a)).toBe(`${longText.slice(0, 119)}…`);
    expect(label(id.a)).toHaveLength(120);
    expect(label(id.s1)).toBe(names.s1);
    expect(label(id.w1)).toBe(names.w1);
    expect(label(id.publisher)).toBe(names.publisher);
    expect(label(id.one)).toBe('Graph briefing one');
    expect(label(id.i0)).toBe('0: Paragraph zero of briefing one.');
    expect(Object.fromEntries(g.nodes.map((node) => [node.id, node.kind]))).toEqual({
      [id.a]: 'CLAIM',
      [id.s1]: 'SPEAKER',
      [id.w1]: 'OUTLET',
      [id.w2]: 'OUTLET',
      [id.publisher]: 'OUTLET',
      [id.i0]: 'ITEM',
      [id.one]: 'BRIEFING',
    });
  });

  it("with a briefingId filter and no root holds exactly that briefing's claims", async () => {
    const g = await graph({ filter: { briefingId: one.id } });
    const want = expected(['a', 'b', 'd'], [supports()]);
    expect(nodeIds(g)).toEqual(want.nodes);
    expect(edgeKeys(g)).toEqual(want.edges);
    // 3 claims, 2 speakers, 3 outlets, 2 items, 1 briefing; 3 SAID, 3 APPEARS_IN,
    // 3 REPORTED_BY, 2 PART_OF, 1 PUBLISHED_BY and the one relation inside the briefing.
    expect(g.nodes).toHaveLength(11);
    expect(g.edges).toHaveLength(13);
    expect(
      g.nodes
        .filter((node) => node.kind === 'CLAIM')
        .map((node) => node.id)
        .sort(),
    ).toEqual([id.a, id.b, id.d].sort());

    const other = await graph({ filter: { briefingId: two.id } });
    expect(nodeIds(other)).toEqual(expected(['c'], []).nodes);
    expect(edgeKeys(other)).toEqual(expected(['c'], []).edges);
    expect(other.nodes).toHaveLength(4);
    expect(other.edges).toHaveLength(3);
  });

  it('is empty when the filter matches no claim', async () => {
    const empty = await createBriefing(t, { items: ['Nothing claimed here.'] });
    expect(await graph({ filter: { briefingId: empty.id } })).toEqual({ nodes: [], edges: [] });
  });

  describe('with 500 claims in one briefing', () => {
    let big: CreatedBriefing;
    let hub: CreatedClaim;
    let spokes: CreatedClaim[];
    // One speaker for all, given by name (found inside each claim's transaction) rather than by
    // speakerId, whose lookup is the subject of the connection-pool test below.
    const speakerName = uniqueName('Prolific speaker');

    beforeAll(async () => {
      big = await createBriefing(t, { items: ['A paragraph with very many claims.'] });
      hub = await createClaim(t, big.items[0].id, { text: 'Claim 0', speakerName });
      spokes = [];
      for (let start = 1; start < 500; start += 50) {
        const batch = Array.from({ length: Math.min(50, 500 - start) }, (_, i) => start + i);
        spokes.push(
          ...(await Promise.all(
            batch.map((n) => createClaim(t, big.items[0].id, { text: `Claim ${n}`, speakerName })),
          )),
        );
      }
    });

    it('refuses a filter matching more than 500 claims as GRAPH_TOO_LARGE', async () => {
      const atLimit = await graph({ filter: { briefingId: big.id } });
      expect(atLimit.nodes.filter((node) => node.kind === 'CLAIM')).toHaveLength(500);
      // One speaker, one item, one briefing and its publisher.
      expect(atLimit.nodes).toHaveLength(504);

      const extra = await createClaim(t, big.items[0].id, { text: 'Claim 500', speakerName });
      const { data, errors } = await t.gql(GRAPH, { filter: { briefingId: big.id } });
      expect(data).toBeNull();
      expect(onlyError(errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPH_TOO_LARGE',
        field: 'filter',
        maxClaims: 500,
      });

      // Narrowing the filter brings it back under the limit.
      const narrowed = await graph({ filter: { briefingId: big.id, search: 'Claim 500' } });
      expect(narrowed.nodes.filter((node) => node.kind === 'CLAIM').map((n) => n.id)).toEqual([
        `claim:${extra.id}`,
      ]);
    });

    it('refuses a neighbourhood of more than 500 claims around a root as GRAPH_TOO_LARGE', async () => {
      for (let start = 0; start < spokes.length; start += 50) {
        const responses = await Promise.all(
          spokes.slice(start, start + 50).map((spoke) =>
            t.gql(`mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { id } }`, {
              input: { fromClaimId: spoke.id, toClaimId: hub.id, type: 'SUPPORTS' },
            }),
          ),
        );
        expect(responses.filter((response) => response.errors)).toEqual([]);
      }
      const atLimit = await graph({ root: hub.id, depth: 1 });
      expect(atLimit.nodes.filter((node) => node.kind === 'CLAIM')).toHaveLength(500);
      expect(atLimit.edges.filter((e) => e.type === 'SUPPORTS')).toHaveLength(499);
      expect((await graph({ root: hub.id, depth: 0 })).nodes).toHaveLength(5);

      const extra = await createClaim(t, big.items[0].id, { text: 'One too many', speakerName });
      const { errors: linkErrors } = await t.gql(
        `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { id } }`,
        { input: { fromClaimId: hub.id, toClaimId: extra.id, type: 'REPEATS' } },
      );
      expect(linkErrors).toBeUndefined();
      const { data, errors } = await t.gql(GRAPH, { root: hub.id, depth: 1 });
      expect(data).toBeNull();
      expect(onlyError(errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPH_TOO_LARGE',
      });
    });
  });

  it('records a claim for an existing speaker (speakerId) while all but one database connection are busy', async () => {
    // The bulk creation above, with speakerId instead of speakerName, sometimes hung on
    // PostgreSQL: every pooled connection held by a claim transaction that waited for a second
    // connection. Nine requests in flight hold nine of the ten; the tenth request must finish
    // on the connection its transaction holds. (SQLite shares one connection: nothing is held.)
    const options = t.dataSource.options;
    const held: QueryRunner[] = [];
    onTestFinished(async () => {
      await Promise.all(held.map((runner) => runner.release()));
    });
    if (options.type === 'postgres') {
      const poolSize = (options.extra as { max?: number } | undefined)?.max ?? 10;
      for (let i = 0; i < poolSize - 1; i++) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
    }

    const claim = await createClaim(t, one.items[1].id, {
      text: 'Claim by a known speaker',
      speakerId: id.s2.slice('speaker:'.length),
    });

    expect(claim).toMatchObject({ version: 1, status: 'UNVERIFIED' });
  }, 10_000);

  it.each([6, -1, 100])('refuses depth %i as BAD_USER_INPUT naming depth', async (depth) => {
    const { data, errors } = await t.gql(GRAPH, { root: a.id, depth });
    expect(data).toBeNull();
    expect(onlyError(errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
  });

  it('answers NOT_FOUND for an unknown root and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await t.gql(GRAPH, { root: '987654321', depth: 1 });
    expect(onlyError(missing.errors).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLAIM_NOT_FOUND',
    });
    const malformed = await t.gql(GRAPH, { root: 'abc', depth: 1 });
    expect(onlyError(malformed.errors).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rootClaimId',
    });
  });
});
