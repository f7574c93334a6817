// The product's own drivers (/work/main/node_modules), never copies that bench/node_modules may
// hold for the peer: the limit must run through the very driver Claimtrack uses.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_DIR = resolve(BENCH_DIR, '..');
const projectRequire = createRequire(resolve(PROJECT_DIR, 'package.json'));

export const loadSqlite = () => projectRequire('better-sqlite3');
export const loadPg = () => projectRequire('pg');
export const driverVersions = () => ({
  'better-sqlite3': projectRequire('better-sqlite3/package.json').version,
  pg: projectRequire('pg/package.json').version,
});

/** sqlite:PATH or postgres://… → { type, path | url }, as the app reads DATABASE_URL. */
export function parseDatabaseUrl(url) {
  if (url.startsWith('sqlite:')) return { type: 'sqlite', path: resolve(url.slice(7)) };
  return { type: 'postgres', url };
}

/** TypeORM's better-sqlite3 format for dates: UTC "YYYY-MM-DD HH:MM:SS.SSS". */
export const sqliteDate = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
/** Back to ISO 8601, as the DateTime scalar serialises it. */
export const isoFromSqlite = (text) =>
  text === null || text === undefined ? null : new Date(text.replace(' ', 'T') + 'Z').toISOString();

/** A small query helper for the bench itself: `$n` placeholders on both databases. */
export async function openQuery(databaseUrl) {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.type === 'postgres') {
    const pg = loadPg();
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      type: 'postgres',
      all: async (sql, params = []) => (await client.query(sql, params)).rows,
      close: () => client.end(),
    };
  }
  const Database = loadSqlite();
  const db = new Database(target.path, { timeout: 5000 });
  return {
    type: 'sqlite',
    all: async (sql, params = []) => {
      const order = [];
      const text = sql.replace(/\$(\d+)/g, (_, n) => {
        order.push(Number(n) - 1);
        return '?';
      });
      return db.prepare(text).all(order.map((i) => params[i]));
    },
    close: async () => db.close(),
  };
}

export const inList = (values, from = 1) => values.map((_, i) => `$${i + from}`).join(', ');
