import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/app-config.js';
import { Safelist } from './persisted-queries.js';

const directory = mkdtempSync(join(tmpdir(), 'claimtrack-safelist-spec-'));
const QUERY = '{ briefings(first: 1) { totalCount } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

function file(content: string): string {
  const path = join(directory, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
}

describe('Safelist', () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads an array of queries or an object of hash to query alike', () => {
    for (const content of [[QUERY], { [HASH]: QUERY }]) {
      const safelist = Safelist.load(file(JSON.stringify(content)));
      expect(safelist.size).toBe(1);
      expect(safelist.queryFor({ query: QUERY })).toBe(QUERY);
      expect(safelist.queryFor({ persisted: true, query: HASH })).toBe(QUERY);
      expect(
        safelist.queryFor({ extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }),
      ).toBe(QUERY);
      expect(safelist.queryFor({ query: `${QUERY} ` })).toBeUndefined();
      expect(safelist.queryFor({})).toBeUndefined();
    }
  });

  it.each([
    ['not JSON', '{', /Invalid PERSISTED_QUERIES file .*JSON/],
    ['empty', '[]', /non-empty/],
    ['a number', '42', /non-empty/],
    ['a non-string query', '[1]', /must be a string/],
    ['a wrong hash', JSON.stringify({ abc: QUERY }), /abc is not the SHA-256 of its query/],
    ['a query that does not parse', JSON.stringify(['{ briefings(']), /Syntax Error/],
  ])('refuses to start on a file that is %s', (_case, content, message) => {
    const path = file(content);
    expect(() => Safelist.load(path)).toThrow(ConfigError);
    expect(() => Safelist.load(path)).toThrow(message);
  });

  it('refuses a missing file', () => {
    expect(() => Safelist.load(join(directory, 'missing.json'))).toThrow(/ENOENT/);
  });
});
