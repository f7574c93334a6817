import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/app-config.js';
import { createBriefing, createClaim } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = { code: 'QUERY_LIMIT_EXCEEDED' };

/** `claim(id) { relations { from { relations { from { … id } } } } }`, `levels` pairs deep. */
function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `relations { from { ${selection} } }`;
  return `{ claim(id: "2147483647") { ${selection} } }`;
}

describe('hostile queries', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a query deeper than the limit before running it', async () => {
    const error = await t.fails(nested(6));
    expect(error.extensions).toMatchObject({
      ...LIMIT,
      reason: 'MAX_DEPTH',
      limit: DEFAULT_QUERY_LIMITS.maxDepth,
    });
    // Within the limit it runs (and finds no such claim).
    expect((await t.fails(nested(4))).extensions.code).toBe('NOT_FOUND');
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from(
      { length: 16 },
      (_, i) => `a${i}: briefings(first: 1) { totalCount }`,
    );
    const error = await t.fails(`{ ${aliases.join(' ')} }`);
    expect(error.extensions).toMatchObject({ ...LIMIT, reason: 'MAX_ALIASES' });
    expect(await t.ok(`{ ${aliases.slice(0, 15).join(' ')} }`)).toHaveProperty('a14');
  });

  it('refuses more directives than the limit', async () => {
    const fields = Array.from({ length: 11 }, () => `totalCount @include(if: true)`);
    const error = await t.fails(`{ briefings(first: 1) { ${fields.join(' ')} } }`);
    expect(error.extensions).toMatchObject({ ...LIMIT, reason: 'MAX_DIRECTIVES' });
  });

  it('refuses a document with more tokens than the limit', async () => {
    const padding = Array.from({ length: DEFAULT_QUERY_LIMITS.maxTokens }, () => 'id').join(' ');
    const error = await t.fails(`{ briefings(first: 1) { edges { node { ${padding} } } } }`);
    expect(error.extensions).toMatchObject({ ...LIMIT, reason: 'MAX_TOKENS' });
  });

  it('prices nested pages: first: 100 under first: 100 is refused, small pages are not', async () => {
    const query = `query ($outer: Int!, $inner: Int!) {
      claims(first: $outer) { edges { node { speaker { claims(first: $inner) { edges { node { id } } } } } } }
    }`;
    const error = await t.fails(query, { outer: 100, inner: 100 });
    expect(error.extensions).toMatchObject({ ...LIMIT, reason: 'MAX_COST', limit: 5000 });
    expect(error.extensions.cost).toBeGreaterThan(10_000);
    expect(await t.ok(query, { outer: 10, inner: 5 })).toHaveProperty('claims');
  });

  it('refuses batched queries', async () => {
    const { status, body } = await t.post([
      { query: '{ briefings(first: 1) { totalCount } }' },
      { query: '{ briefings(first: 1) { totalCount } }' },
    ]);
    expect(status).toBeLessThan(500);
    expect(body).toMatchObject({ data: null, errors: [{ message: 'body must be object' }] });
  });

  it('lets every example query of the README through the limits', async () => {
    const briefing = await createBriefing(t);
    await createClaim(t, briefing.items[0].id);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const { errors } = await t.gql(example);
      const codes = (errors ?? []).map((error) => error.extensions.code);
      expect(
        codes.filter((code) => code === 'QUERY_LIMIT_EXCEEDED' || code.startsWith('GRAPHQL_')),
      ).toEqual([]);
    }
  });
});

describe('production mode', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ nodeEnv: 'production' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers no introspection', async () => {
    const error = await t.fails(`{ __schema { types { name } } }`);
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/introspection/i);
  });

  it('suggests no field names', async () => {
    const error = await t.fails(`{ briefing(id: "1") { titel } }`);
    expect(error.message).toBe('Cannot query field "titel" on type "Briefing".');
  });

  it('serves no GraphiQL', async () => {
    const response = await request(t.app.getHttpServer()).get('/graphiql');
    expect(response.status).toBe(404);
  });
});
