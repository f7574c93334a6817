import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allowedBodyLimit, isIngestOnly } from './body-limit.js';

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
