import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefing, uniqueName } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('briefings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('records a briefing with its items in order and its publishing outlet', async () => {
    const outletName = uniqueName('The Daily');
    const created = await createBriefing(t, { outletName, items: ['First.', 'Second.', 'Third.'] });

    const { data, errors } = await t.gql(
      `query ($id: ID!) {
        briefing(id: $id) {
          id title url publishedAt
          outlet { name kind }
          items { position text briefing { id } claims { id } }
        }
      }`,
      { id: created.id },
    );

    expect(errors).toBeUndefined();
    expect(data.briefing).toMatchObject({
      id: created.id,
      title: 'Test briefing',
      publishedAt: '2023-09-14T08:00:00.000Z',
      outlet: { name: outletName, kind: 'NEWS' },
    });
    expect(data.briefing.items).toEqual([
      { position: 0, text: 'First.', briefing: { id: created.id }, claims: [] },
      { position: 1, text: 'Second.', briefing: { id: created.id }, claims: [] },
      { position: 2, text: 'Third.', briefing: { id: created.id }, claims: [] },
    ]);
  });

  it('reuses an outlet whose name differs only in case, spacing or a leading "the"', async () => {
    const base = uniqueName('Courier');
    const first = await createBriefing(t, { outletName: base });
    const second = await createBriefing(t, { outletName: `  the   ${base.toUpperCase()} ` });

    const { data } = await t.gql(
      `query ($a: ID!, $b: ID!) { a: briefing(id: $a) { outlet { id } } b: briefing(id: $b) { outlet { id } } }`,
      { a: first.id, b: second.id },
    );
    expect(data.a.outlet.id).toBe(data.b.outlet.id);
  });

  it('refuses a second briefing with the same url as CONFLICT and writes nothing', async () => {
    const input = {
      title: 'Dup',
      url: `https://news.example/${uniqueName('dup').replace(' ', '-')}`,
      items: ['x'],
    };
    const mutation = `mutation ($input: CreateBriefingInput!) { createBriefing(input: $input) { id } }`;
    const first = await t.gql(mutation, { input });
    expect(first.errors).toBeUndefined();
    const before = await t.gql(`{ briefings(first: 1) { totalCount } }`);

    const second = await t.gql(mutation, { input: { ...input, outletName: uniqueName('Never') } });

    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BRIEFING_URL_TAKEN',
      field: 'input.url',
      existingId: first.data.createBriefing.id,
    });
    const after = await t.gql(`{ briefings(first: 1) { totalCount } }`);
    expect(after.data.briefings.totalCount).toBe(before.data.briefings.totalCount);
  });

  it.each([
    [{ title: 'No items', items: [] }, 'input.items'],
    [{ title: '', items: ['x'] }, 'input.title'],
    [{ title: 'Bad url', url: 'javascript:alert(1)', items: ['x'] }, 'input.url'],
  ])('rejects invalid input %j naming the field', async (input, field) => {
    const { errors } = await t.gql(
      `mutation ($input: CreateBriefingInput!) { createBriefing(input: $input) { id } }`,
      { input },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('pages briefings newest first with cursors, to an empty last page', async () => {
    const older = await createBriefing(t);
    const newer = await createBriefing(t);
    const query = `query ($after: String) {
      briefings(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
    }`;

    const first = await t.gql(query);
    expect(first.data.briefings.edges[0].node.id).toBe(newer.id);
    const second = await t.gql(query, { after: first.data.briefings.pageInfo.endCursor });
    expect(second.data.briefings.edges[0].node.id).toBe(older.id);

    let page = second.data.briefings;
    while (page.pageInfo.hasNextPage) {
      page = (await t.gql(query, { after: page.pageInfo.endCursor })).data.briefings;
    }
    const beyond = await t.gql(query, { after: page.pageInfo.endCursor });
    expect(beyond.data.briefings).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('answers NOT_FOUND for a missing briefing and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await t.gql(`{ briefing(id: "987654321") { id } }`);
    expect(missing.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BRIEFING_NOT_FOUND',
    });
    const malformed = await t.gql(`{ briefing(id: "1; DROP TABLE claims") { id } }`);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
