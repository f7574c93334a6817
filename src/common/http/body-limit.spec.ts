import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allowedBodyLimit, isIngestOnly, topLevelQuery } from './body-limit.js';

const LIMITS = { bodyLimit: 1000, ingestBodyLimit: 5000 };

describe('isIngestOnly', () => {
  it.each([
    ['mutation ($i: IngestBriefingInput!) { ingestBriefing(input: $i) { briefing { id } } }'],
    ['mutation Ingest { ingestBriefing(input: {}) { ...Result } } fragment Result on X { a }'],
    ['mutation { ingestBriefing(input: {}) @include(if: true) { a } }'],
  ])('accepts %s', (query) => {
    expect(isIngestOnly(parse(query))).toBe(true);
  });

  it.each([
    ['a query', '{ ingestBriefing { a } }'],
    ['another mutation', 'mutation { createBriefing(input: {}) { id } }'],
    ['a second field', 'mutation { ingestBriefing(input: {}) { a } briefings { totalCount } }'],
    [
      'ingestBriefing twice',
      'mutation { a: ingestBriefing(input: {}) { a } b: ingestBriefing { a } }',
    ],
    [
      'a second operation',
      'mutation A { ingestBriefing { a } } query B { briefings { totalCount } }',
    ],
    [
      'a fragment spread at the top',
      'mutation { ...M } fragment M on Mutation { ingestBriefing { a } }',
    ],
    ['an inline fragment at the top', 'mutation { ... on Mutation { ingestBriefing { a } } }'],
  ])('refuses %s', (_case, query) => {
    expect(isIngestOnly(parse(query))).toBe(false);
  });
});

describe('allowedBodyLimit', () => {
  it('gives the ingestion limit to an ingestBriefing document only', () => {
    expect(allowedBodyLimit('mutation { ingestBriefing { a } }', LIMITS, 100)).toBe(5000);
    expect(allowedBodyLimit('{ briefings { totalCount } }', LIMITS, 100)).toBe(1000);
  });

  it('gives the default limit to what does not parse, is not text, or has too many tokens', () => {
    expect(allowedBodyLimit('mutation { ingestBriefing {', LIMITS, 100)).toBe(1000);
    expect(allowedBodyLimit(undefined, LIMITS, 100)).toBe(1000);
    expect(allowedBodyLimit({ query: 'x' }, LIMITS, 100)).toBe(1000);
    expect(allowedBodyLimit('mutation { ingestBriefing { a b c d e } }', LIMITS, 5)).toBe(1000);
  });
});

describe('topLevelQuery', () => {
  const body = JSON.stringify({
    variables: { input: { query: 'not this one', text: 'a "quoted" {brace}' } },
    query: 'mutation { ingestBriefing(input: $i) { a } }',
  });

  it('finds the top-level query in a whole body, past nested keys of the same name', () => {
    expect(topLevelQuery(body)).toBe('mutation { ingestBriefing(input: $i) { a } }');
    expect(topLevelQuery('{"query":"{ a }\\n# \\"x\\"","variables":{')).toBe('{ a }\n# "x"');
  });

  it('gives up when the first bytes do not hold it whole', () => {
    expect(topLevelQuery(body.slice(0, body.indexOf('mutation') + 5))).toBeUndefined();
    expect(topLevelQuery('{"variables":{"input":{"text":"a long text')).toBeUndefined();
    expect(topLevelQuery('{"query":null}')).toBeUndefined();
  });
});
