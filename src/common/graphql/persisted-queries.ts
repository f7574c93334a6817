import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type mercurius from 'mercurius';
import { ConfigError } from '../../config/app-config.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface PersistedRequest {
  query?: unknown;
  persisted?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } };
}

export const SAFELIST_REFUSAL =
  'This server runs only the queries on its safelist, and this is not one of them';

/**
 * The queries a server in safelist mode runs, by the SHA-256 of their text. A client names one
 * by hash, as Apollo's persisted-query link does (`extensions.persistedQuery.sha256Hash`) or
 * as Mercurius's clients do (`{ persisted: true, query: <hash> }`), or sends the exact text.
 */
export class Safelist {
  private constructor(private readonly queries: ReadonlyMap<string, string>) {}

  /**
   * Reads a JSON file: either an array of query texts, or an object from each text's SHA-256
   * (hex) to the text. Refuses the start on anything else, a query that does not parse, or a
   * hash that is not its query's.
   */
  static load(path: string): Safelist {
    const fail = (why: string) => new ConfigError(`Invalid PERSISTED_QUERIES file ${path}: ${why}`);
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw fail((error as Error).message);
    }
    const entries = Array.isArray(content)
      ? content.map((query: unknown) => [typeof query === 'string' ? sha256(query) : '', query])
      : typeof content === 'object' && content !== null
        ? Object.entries(content)
        : null;
    if (!entries?.length) throw fail('expected a non-empty array or object of queries');
    const queries = new Map<string, string>();
    for (const [hash, query] of entries) {
      if (typeof query !== 'string') throw fail('every query must be a string');
      if (hash !== sha256(query)) throw fail(`${hash} is not the SHA-256 of its query`);
      try {
        parse(query);
      } catch (error) {
        throw fail(`query ${hash}: ${(error as Error).message}`);
      }
      queries.set(hash, query);
    }
    return new Safelist(queries);
  }

  get size(): number {
    return this.queries.size;
  }

  /** The hash a request names, or of the text it sends; false when it has neither. */
  hashOf(body: PersistedRequest): string | false {
    const apollo = body.extensions?.persistedQuery;
    if (apollo?.version === 1 && typeof apollo.sha256Hash === 'string') return apollo.sha256Hash;
    if (typeof body.query !== 'string') return false;
    return body.persisted === true ? body.query : sha256(body.query);
  }

  /** The safelisted text a request runs; undefined when it is not on the list. */
  queryFor(body: unknown): string | undefined {
    const hash = this.hashOf((body ?? {}) as PersistedRequest);
    return hash ? this.queries.get(hash) : undefined;
  }

  /** Mercurius's hook: every request is looked up, so nothing else runs. */
  provider(): mercurius.PersistedQueryProvider {
    return {
      isPersistedQuery: () => true,
      isPersistedQueryRetry: () => false,
      getHash: (body) => this.hashOf(body as PersistedRequest) as string,
      getQueryFromHash: async (hash) => this.queries.get(hash) as string,
      notFoundError: SAFELIST_REFUSAL,
      notSupportedError: SAFELIST_REFUSAL,
    };
  }
}

const loaded = new Map<string, Safelist>();

/** One Safelist per file per process: the HTTP body gate and Mercurius share it. */
export function safelistAt(path: string): Safelist {
  let safelist = loaded.get(path);
  if (!safelist) {
    safelist = Safelist.load(path);
    loaded.set(path, safelist);
  }
  return safelist;
}
