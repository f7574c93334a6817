#!/usr/bin/env node
// Deterministic, seeded data for the benchmarks: N claims in realistic proportions, on SQLite or
// PostgreSQL. The schema comes from the project's own migrations (`node dist/cli.js migrate`);
// the rows go in through the drivers directly, in bulk:
//   SQLite      better-sqlite3 prepared statements, one transaction per chunk of ~5,000 claims;
//   PostgreSQL  one INSERT … SELECT FROM unnest($1::int[], …) per table and chunk (one array
//               parameter per column, so no 65,535-parameter limit and one round trip).
//
//   node bench/generate.mjs --db sqlite:bench/data/x.sqlite --claims 100000 [--seed 42]
//   node bench/generate.mjs --db postgres://postgres@127.0.0.1:5432/claimtrack_bench_x --claims 1000000
//
// The database is recreated (the SQLite file deleted, the PostgreSQL database dropped and created).
// Proportions: ~20 claims a briefing (12–28) in ~10 items; speakers a long tail (N/8 of them, the
// busiest with a few percent of all claims); 400 outlets (20 publishers, 380 relays); 0–3 relays in
// a claim's chain (1–3 when it has one); ~5% of claims start a relation (so ~10% take part), plus a
// hub claim every 2,000 claims that ~30 of them also link to; 1–4 status changes a claim, each a
// move the transition table allows, ending at the claim's status, with version = the number of
// changes. Dates run from 2019-01-01 to 2026-11-01 in id order, newer claims more often open.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPg, loadSqlite, parseDatabaseUrl, PROJECT_DIR, sqliteDate } from './lib/drivers.mjs';
import { parseArgs } from './lib/args.mjs';
import { seededRandom } from './lib/random.mjs';

export const GENERATOR_VERSION = 1;

// ---------------------------------------------------------------- deterministic randomness
class Rng {
  constructor(seed) {
    this.next = seededRandom(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** [[value, weight], …] */
  weighted(pairs) {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }
  /** A long tail: index 0 is the most frequent. */
  tail(count, exponent) {
    return Math.min(count - 1, Math.floor(count * this.next() ** exponent));
  }
}

// ---------------------------------------------------------------- vocabulary
const FIRST = `Olena Dmytro Maria John Sergei Anna Li Ahmed Fatima Carlos Ingrid Kenji Amara Pavel
  Sofia Yusuf Hana Tomasz Greta Ravi Elena Marco Aisha Pierre Nadia Viktor Chen Laura Omar Irina
  Jonas Mei Andriy Camila Samuel Yuki Oksana David Leila Mikhail Rosa Ivan Nora Hassan Petra Raj
  Alina Felix Zara Bogdan`.split(/\s+/);
const LAST = `Kovalenko Petrov Schmidt Garcia Nakamura Okafor Haddad Novak Rossi Lindqvist Singh
  Moreau Ivanova Chen Kowalski Duarte Yilmaz Tanaka Fischer Mensah Bondarenko Sokolov Alvarez
  Nguyen Horvat Larsen Abbasi Castillo Kuznetsova Meyer Shevchenko Ortiz Varga Dubois Popescu
  Morozov Jansen Suleiman Tkachenko Romero Kim Melnyk Wagner Costa Hussein Lebedev Olsen Reyes
  Marchenko Ferreira`.split(/\s+/);
const ORGS = `Kremlin|Pentagon|Ukrainian General Staff|Russian Defense Ministry|White House|State
  Department|NATO|European Commission|United Nations|IAEA|Red Cross|Ukrainian Air Force|Kyiv City
  Military Administration|Wagner Group|Foreign Ministry|Presidential Office|Interior Ministry|
  Energy Ministry|Border Guard Service|Emergency Service`
  .split('|')
  .map((s) => s.replace(/\s+/g, ' ').trim());
const ROLES = `spokesman|spokeswoman|defense minister|foreign minister|governor|mayor|adviser|
  commander|press secretary|analyst|official|deputy minister|ambassador|senior official`
  .split('|')
  .map((s) => s.trim());
const AFFILIATIONS = ['Kremlin', 'Ukraine', 'Russia', 'United States', 'EU', 'NATO', 'UN', null];
const SUBJECTS = `Russian forces|Ukrainian troops|air defenses|the army|drones|missiles|officials|
  engineers|the navy|partisans|artillery units|volunteers|rescuers|investigators`
  .split('|')
  .map((s) => s.trim());
const VERBS = `had shelled|had recaptured|would withdraw from|had struck|were advancing on|had
  evacuated|had mined|had destroyed a depot near|had restored power to|had intercepted drones over|
  had lost ground near|were preparing an offensive toward`
  .split('|')
  .map((s) => s.replace(/\s+/g, ' ').trim());
const PLACES = `Kharkiv Kherson Bakhmut Avdiivka Zaporizhzhia Odesa Mariupol Donetsk Luhansk Sumy
  Izium Kupiansk Robotyne Vuhledar Kramatorsk Sloviansk Mykolaiv Dnipro Lviv Crimea Belgorod
  Sevastopol Melitopol Berdiansk Pokrovsk Toretsk Chasiv-Yar Lyman Orikhiv Enerhodar`.split(/\s+/);
const TIMES = [
  'on Monday',
  'on Tuesday',
  'overnight',
  'this week',
  'on Thursday',
  'early Friday',
  'last month',
  'over the weekend',
];
const FILLERS = [
  'Here is what else to know.',
  'The claim could not be independently verified at the time of publication.',
  'The situation on the ground remains fluid.',
  'Officials gave no further details.',
  'Fighting continued along the front line.',
];
const DESKS = Array.from({ length: 12 }, (_, i) => `desk${i + 1}@newsroom`);

const OPEN = ['UNVERIFIED', 'COULD_NOT_VERIFY', 'NOT_CONFIRMED', 'DISPUTED', 'DENIED'];
const SETTLED = ['CONFIRMED', 'FALSE', 'MISLEADING', 'RETRACTED'];
const ALL = [...OPEN, ...SETTLED];
const isSettled = (s) => SETTLED.includes(s);
const PHRASES = {
  UNVERIFIED: null,
  COULD_NOT_VERIFY: 'could not independently verify the claim',
  NOT_CONFIRMED: 'did not immediately confirm',
  DISPUTED: 'disputed the account',
  DENIED: 'denied the report',
  CONFIRMED: 'confirmed the account',
  FALSE: 'has been shown to be false',
  MISLEADING: 'is misleading as stated',
  RETRACTED: 'has since been withdrawn',
};
const RELATION_TYPES = [
  ['COUNTERS', 30],
  ['DENIES', 25],
  ['RESPONDS_TO', 20],
  ['SUPPORTS', 15],
  ['REPEATS', 10],
];

const START = Date.UTC(2019, 0, 1);
const END = Date.UTC(2026, 10, 1);
const NOW_CAP = END + 20 * 86_400_000;
const OUTLETS = 400;
const PUBLISHERS = 20;
const HUB_EVERY = 2000;
const CHUNK_CLAIMS = 5000;

const normalizeName = (name) =>
  name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^the /, '');

// ---------------------------------------------------------------- the model
export function makeActors(n, rng) {
  const outlets = [];
  const wires = ['Associated Press', 'Reuters', 'Agence France-Presse', 'Interfax', 'Ukrinform'];
  for (let i = 0; i < OUTLETS; i++) {
    const id = i + 1;
    let name;
    let kind;
    if (i < PUBLISHERS) {
      name = i === 0 ? 'The Washington Post' : `Daily Courier ${i}`;
      kind = 'NEWS';
    } else if (i - PUBLISHERS < wires.length) {
      name = wires[i - PUBLISHERS];
      kind = 'WIRE';
    } else {
      kind = rng.chance(0.55) ? 'GOVERNMENT' : 'OTHER';
      name =
        kind === 'GOVERNMENT' ? `${rng.pick(ORGS)} press office ${i}` : `Telegram channel ${i}`;
    }
    outlets.push([id, name, normalizeName(name), kind, `https://outlet${id}.example`, START]);
  }
  const speakerCount = Math.max(500, Math.ceil(n / 8));
  const speakers = [];
  for (let i = 0; i < speakerCount; i++) {
    const id = i + 1;
    const org = i < ORGS.length * 3 && i % 3 === 0;
    const base = org
      ? ORGS[(i / 3) % ORGS.length]
      : `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const round = Math.floor(i / (FIRST.length * LAST.length));
    const name = round > 0 || (org && i >= ORGS.length * 3) ? `${base} ${round + 1}` : base;
    speakers.push([
      id,
      name,
      normalizeName(name),
      org ? 'ORGANIZATION' : 'PERSON',
      rng.pick(AFFILIATIONS),
      START,
    ]);
  }
  // Unique normalized names are the schema's rule: make sure the generator keeps it.
  const seen = new Set();
  for (const s of speakers) {
    if (seen.has(s[2])) {
      s[1] = `${s[1]} #${s[0]}`;
      s[2] = normalizeName(s[1]);
    }
    seen.add(s[2]);
  }
  return { outlets, speakers };
}

/** A status path of k steps ending at `final`, every step allowed by the transition table. */
function statusPath(rng, final, k) {
  const path = [final];
  for (let j = k - 2; j >= 0; j--) {
    const next = path[0];
    let candidates = (j === 0 ? ['UNVERIFIED', 'COULD_NOT_VERIFY', 'NOT_CONFIRMED', 'DENIED'] : ALL)
      .filter((s) => s !== next)
      .filter((s) => s !== 'RETRACTED' || next === 'UNVERIFIED');
    const weights = candidates.map((s) => [s, s === 'UNVERIFIED' ? 5 : isSettled(s) ? 1 : 2]);
    path.unshift(rng.weighted(weights));
  }
  return path;
}

/**
 * Yields chunks of rows (arrays in table column order, dates as epoch milliseconds), briefing
 * by briefing, in id order, until n claims are made.
 */
export function* generateChunks(n, rng, speakerCount, options = {}) {
  let claimId = 0;
  let briefingId = 0;
  let itemId = 0;
  let changeId = 0;
  let relationId = 0;
  const span = END - START;
  let latestHub = 0;
  let chunk = newChunk();
  function newChunk() {
    return { briefings: [], items: [], claims: [], hops: [], changes: [], relations: [] };
  }
  const claimTimes = new Map(); // recent claims' created_at, for relation times
  while (claimId < n) {
    const count = Math.min(n - claimId, rng.int(12, 28));
    const bId = ++briefingId;
    const bCreated = START + Math.floor((span * claimId) / n) + rng.int(0, 3_600_000);
    const publisher = rng.tail(PUBLISHERS, 1.8) + 1;
    chunk.briefings.push([
      bId,
      `Live updates: ${rng.pick(PLACES)} ${rng.pick(['offensive', 'talks', 'strikes', 'front line', 'aid'])} (${bId})`,
      `https://outlet${publisher}.example/live/${bId}`,
      publisher,
      bCreated - rng.int(60_000, 3_600_000),
      bCreated,
      bCreated,
    ]);
    const itemCount = Math.max(1, Math.round(count / 2) + rng.int(-1, 2));
    const itemTexts = Array.from({ length: itemCount }, () => rng.pick(FILLERS));
    const itemClaims = Array.from({ length: itemCount }, () => []);
    const firstClaimOfBriefing = claimId + 1;
    let t = bCreated;
    for (let j = 0; j < count; j++) {
      const id = ++claimId;
      t += rng.int(60_000, 1_200_000);
      const created = t;
      claimTimes.set(id, created);
      if (claimTimes.size > 4000) claimTimes.delete(id - 4000);
      const position = Math.min(itemCount - 1, Math.floor((j * itemCount) / count));
      const speakerId = rng.tail(speakerCount, 3) + 1;
      const fraction = id / n;
      const open = rng.chance(0.45 + 0.45 * fraction);
      const final = open
        ? rng.weighted([
            ['UNVERIFIED', 50],
            ['COULD_NOT_VERIFY', 15],
            ['NOT_CONFIRMED', 15],
            ['DISPUTED', 10],
            ['DENIED', 10],
          ])
        : rng.weighted([
            ['CONFIRMED', 45],
            ['FALSE', 25],
            ['MISLEADING', 20],
            ['RETRACTED', 10],
          ]);
      const k = rng.weighted([
        [1, 40],
        [2, 30],
        [3, 20],
        [4, 10],
      ]);
      const path = statusPath(rng, final, k);
      const initial = path[0];
      const statement = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(PLACES)} ${rng.pick(TIMES)}`;
      const phrase =
        isSettled(initial) || (initial !== 'UNVERIFIED' && rng.chance(0.7))
          ? `${rng.pick(['The publisher', 'The Post', 'Reporters', 'A spokesperson'])} ${PHRASES[initial]}`
          : null;
      const speakerName = options.speakerName(speakerId);
      const text = `${speakerName} said ${statement}.${phrase ? ` ${phrase}.` : ''}`;
      const role = rng.chance(0.6) ? rng.pick(ROLES) : null;
      // History: the first step when recorded, then moves hours to days apart.
      let at = created;
      path.forEach((status, index) => {
        if (index > 0) at = Math.min(NOW_CAP, at + rng.int(3_600_000, 10 * 86_400_000));
        const needsReason = index > 0 && (isSettled(status) || isSettled(path[index - 1]));
        const note =
          index === 0
            ? phrase
            : needsReason || rng.chance(0.5)
              ? `Checked with ${rng.pick(ORGS)}`
              : null;
        const evidence =
          index > 0 && (needsReason ? rng.chance(0.6) : rng.chance(0.2))
            ? JSON.stringify([`https://evidence.example/${id}/${index}`])
            : '[]';
        chunk.changes.push([
          ++changeId,
          id,
          index === 0 ? null : path[index - 1],
          status,
          note,
          evidence,
          index === 0 ? 'seed' : rng.pick(DESKS),
          at,
        ]);
      });
      const followUp =
        final === 'NOT_CONFIRMED' && rng.chance(0.3) ? at + rng.int(1, 7) * 86_400_000 : null;
      const assignee = open && rng.chance(0.05) ? rng.pick(DESKS) : null;
      const claimRow = {
        id,
        itemId: 0, // set below once item ids are known
        position,
        briefingId: bId,
        text,
        statement,
        speakerId,
        role,
        status: final,
        phrase,
        version: path.length,
        created,
        updated: at,
        assignee,
        followUp,
      };
      chunk.claims.push(claimRow);
      itemClaims[position].push(claimRow);
      // reportedBy: direct for 30%, else 1–3 distinct relays, nearest first.
      const hops = rng.weighted([
        [0, 30],
        [1, 40],
        [2, 20],
        [3, 10],
      ]);
      const chain = new Set();
      while (chain.size < hops) chain.add(PUBLISHERS + rng.tail(OUTLETS - PUBLISHERS, 2.2) + 1);
      [...chain].forEach((outletId, p) => chunk.hops.push([id, p, outletId]));
      // Relations: ~5% of claims answer an earlier one (mostly in the same briefing); some of
      // those also bear on the current hub claim, which makes the hubs' neighbourhoods busy.
      if (id % HUB_EVERY === HUB_EVERY / 2) latestHub = id;
      if (id > 1 && rng.chance(0.05)) {
        const target =
          j > 0 && rng.chance(0.7)
            ? rng.int(firstClaimOfBriefing, id - 1)
            : rng.int(Math.max(1, id - 2000), id - 1);
        const type = rng.weighted(RELATION_TYPES);
        const relAt = created + rng.int(60_000, 3_600_000);
        chunk.relations.push([
          ++relationId,
          id,
          target,
          type,
          rng.chance(0.4) ? `${speakerName} responds` : null,
          rng.pick(DESKS),
          relAt,
          relAt,
        ]);
        if (latestHub && latestHub !== target && latestHub !== id && rng.chance(0.3)) {
          const hubType = rng.weighted(RELATION_TYPES);
          chunk.relations.push([
            ++relationId,
            id,
            latestHub,
            hubType,
            null,
            rng.pick(DESKS),
            relAt + 1000,
            relAt + 1000,
          ]);
        }
      }
    }
    for (let p = 0; p < itemCount; p++) {
      const iId = ++itemId;
      let textOut = itemTexts[p];
      for (const claim of itemClaims[p]) {
        const c = claim;
        claim.itemId = iId;
        const sentence = ` ${c.text}`;
        const quoteStart = textOut.length + sentence.indexOf(c.statement);
        claim.quote = c.statement;
        claim.quoteStart = quoteStart;
        claim.quoteEnd = quoteStart + c.statement.length;
        textOut += sentence;
      }
      chunk.items.push([iId, bId, p, textOut]);
    }
    if (chunk.claims.length >= CHUNK_CLAIMS || claimId >= n) {
      yield finish(chunk);
      chunk = newChunk();
    }
  }
  function finish(c) {
    c.claims = c.claims.map((x) => [
      x.id,
      x.itemId,
      x.briefingId,
      x.text,
      x.quote,
      x.quoteStart,
      x.quoteEnd,
      x.speakerId,
      x.role,
      x.status,
      x.phrase,
      x.version,
      x.created,
      x.updated,
      x.assignee,
      x.followUp,
    ]);
    return c;
  }
}

// ---------------------------------------------------------------- table layout
const TABLES = {
  outlets: {
    cols: ['id', 'name', 'normalized_name', 'kind', 'url', 'created_at'],
    types: ['int', 'text', 'text', 'text', 'text', 'ts'],
  },
  speakers: {
    cols: ['id', 'name', 'normalized_name', 'kind', 'affiliation', 'created_at'],
    types: ['int', 'text', 'text', 'text', 'text', 'ts'],
  },
  briefings: {
    cols: ['id', 'title', 'url', 'outlet_id', 'published_at', 'created_at', 'updated_at'],
    types: ['int', 'text', 'text', 'int', 'ts', 'ts', 'ts'],
  },
  briefing_items: {
    cols: ['id', 'briefing_id', 'position', 'text'],
    types: ['int', 'int', 'int', 'text'],
  },
  claims: {
    cols: [
      'id',
      'item_id',
      'briefing_id',
      'text',
      'quote',
      'quote_start',
      'quote_end',
      'speaker_id',
      'speaker_role',
      'status',
      'verification_phrase',
      'version',
      'created_at',
      'updated_at',
      'assignee',
      'follow_up_at',
    ],
    types: [
      'int',
      'int',
      'int',
      'text',
      'text',
      'int',
      'int',
      'int',
      'text',
      'text',
      'text',
      'int',
      'ts',
      'ts',
      'text',
      'ts',
    ],
    optional: ['assignee', 'follow_up_at'],
  },
  claim_outlets: { cols: ['claim_id', 'position', 'outlet_id'], types: ['int', 'int', 'int'] },
  status_changes: {
    cols: [
      'id',
      'claim_id',
      'from_status',
      'to_status',
      'note',
      'evidence_urls',
      'changed_by',
      'changed_at',
    ],
    types: ['int', 'int', 'text', 'text', 'text', 'text', 'text', 'ts'],
  },
  claim_relations: {
    cols: [
      'id',
      'from_claim_id',
      'to_claim_id',
      'type',
      'note',
      'created_by',
      'created_at',
      'updated_at',
    ],
    types: ['int', 'int', 'int', 'text', 'text', 'text', 'ts', 'ts'],
  },
};
const CHUNK_TABLES = [
  ['briefings', 'briefings'],
  ['briefing_items', 'items'],
  ['claims', 'claims'],
  ['claim_outlets', 'hops'],
  ['status_changes', 'changes'],
  ['claim_relations', 'relations'],
];

/** Which columns of each table exist (a migration may not have added the optional ones yet). */
function layout(existing) {
  const out = {};
  for (const [table, def] of Object.entries(TABLES)) {
    const have = existing[table];
    if (!have) throw new Error(`Table ${table} is missing: did the migrations run?`);
    const keep = def.cols
      .map((c, i) => [c, i])
      .filter(([c]) => have.has(c) || !def.optional?.includes(c));
    for (const [c] of keep) if (!have.has(c)) throw new Error(`Column ${table}.${c} is missing`);
    out[table] = {
      cols: keep.map(([c]) => c),
      idx: keep.map(([, i]) => i),
      types: keep.map(([, i]) => def.types[i]),
    };
  }
  return out;
}

// ---------------------------------------------------------------- writers
class SqliteWriter {
  constructor(path) {
    const Database = loadSqlite();
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -200000');
  }
  columns() {
    const out = {};
    for (const table of Object.keys(TABLES)) {
      const rows = this.db.prepare(`PRAGMA table_info(${table})`).all();
      if (rows.length) out[table] = new Set(rows.map((r) => r.name));
    }
    return out;
  }
  prepare(lay) {
    this.lay = lay;
    this.statements = {};
    for (const [table, l] of Object.entries(lay)) {
      this.statements[table] = this.db.prepare(
        `INSERT INTO ${table} (${l.cols.join(', ')}) VALUES (${l.cols.map(() => '?').join(', ')})`,
      );
    }
    this.insertMany = this.db.transaction((pairs) => {
      for (const [table, rows] of pairs) {
        const l = this.lay[table];
        const st = this.statements[table];
        for (const row of rows) {
          st.run(
            l.idx.map((i, k) =>
              l.types[k] === 'ts' && row[i] !== null ? sqliteDate(row[i]) : row[i],
            ),
          );
        }
      }
    });
  }
  async write(pairs) {
    this.insertMany(pairs);
  }
  async count(table) {
    return this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
  }
  async finish({ analyze }) {
    if (analyze) this.db.exec('ANALYZE');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

class PgWriter {
  async open(url) {
    const pg = loadPg();
    this.client = new pg.Client({ connectionString: url });
    await this.client.connect();
    await this.client.query('SET synchronous_commit = off');
  }
  async columns() {
    const { rows } = await this.client.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const out = {};
    for (const r of rows) (out[r.table_name] ??= new Set()).add(r.column_name);
    return out;
  }
  prepare(lay) {
    this.lay = lay;
    this.sql = {};
    const cast = { int: 'int[]', text: 'text[]', ts: 'timestamptz[]' };
    for (const [table, l] of Object.entries(lay)) {
      this.sql[table] =
        `INSERT INTO ${table} (${l.cols.join(', ')}) SELECT * FROM unnest(` +
        l.types.map((t, k) => `$${k + 1}::${cast[t]}`).join(', ') +
        ')';
    }
  }
  async write(pairs) {
    await this.client.query('BEGIN');
    for (const [table, rows] of pairs) {
      if (rows.length === 0) continue;
      const l = this.lay[table];
      const params = l.idx.map((i, k) =>
        rows.map((row) =>
          l.types[k] === 'ts' && row[i] !== null ? new Date(row[i]).toISOString() : row[i],
        ),
      );
      await this.client.query(this.sql[table], params);
    }
    await this.client.query('COMMIT');
  }
  async count(table) {
    const { rows } = await this.client.query(`SELECT COUNT(*)::int AS n FROM ${table}`);
    return rows[0].n;
  }
  async finish() {
    for (const table of [
      'outlets',
      'speakers',
      'briefings',
      'briefing_items',
      'claims',
      'status_changes',
      'claim_relations',
    ]) {
      await this.client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
      );
    }
    // What autovacuum would do shortly after a bulk load: statistics and the visibility map.
    await this.client.query('VACUUM ANALYZE');
    await this.client.end();
  }
}

// ---------------------------------------------------------------- database lifecycle
export async function recreateDatabase(databaseUrl) {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.type === 'sqlite') {
    mkdirSync(dirname(target.path), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(target.path + suffix, { force: true });
    return;
  }
  const pg = loadPg();
  const url = new URL(target.url);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

export async function dropDatabase(databaseUrl) {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.type === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(target.path + suffix, { force: true });
    return;
  }
  const pg = loadPg();
  const url = new URL(target.url);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** sqlite:PATH made absolute, so every process (the CLI runs in the project folder) agrees. */
export function absoluteUrl(databaseUrl) {
  const target = parseDatabaseUrl(databaseUrl);
  return target.type === 'sqlite' ? `sqlite:${target.path}` : databaseUrl;
}

export function migrate(givenUrl, appDir = resolve(PROJECT_DIR, 'dist')) {
  const databaseUrl = absoluteUrl(givenUrl);
  const result = spawnSync(process.execPath, [resolve(appDir, 'cli.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    cwd: PROJECT_DIR,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`migrate failed (${result.status}): ${result.stdout}\n${result.stderr}`);
  }
}

/** Recreates the database, migrates it and fills it. Returns counts and timings. */
export async function generate({
  databaseUrl: givenUrl,
  claims: n,
  seed = 42,
  appDir,
  analyzeSqlite = false,
  log = console.log,
}) {
  const started = Date.now();
  const databaseUrl = absoluteUrl(givenUrl);
  await recreateDatabase(databaseUrl);
  migrate(databaseUrl, appDir);
  const migrated = Date.now();
  const target = parseDatabaseUrl(databaseUrl);
  let writer;
  if (target.type === 'sqlite') writer = new SqliteWriter(target.path);
  else {
    writer = new PgWriter();
    await writer.open(target.url);
  }
  const lay = layout(await writer.columns());
  writer.prepare(lay);
  if ((await writer.count('claims')) > 0) throw new Error('The database already has claims');

  const rng = new Rng(seed);
  const { outlets, speakers } = makeActors(n, rng);
  await writer.write([
    ['outlets', outlets],
    ['speakers', speakers],
  ]);
  const speakerName = (id) => speakers[id - 1][1];
  const totals = {
    briefings: 0,
    briefing_items: 0,
    claims: 0,
    claim_outlets: 0,
    status_changes: 0,
    claim_relations: 0,
  };
  const inRelations = new Set();
  let lastLog = Date.now();
  for (const chunk of generateChunks(n, rng, speakers.length, { speakerName })) {
    const pairs = CHUNK_TABLES.map(([table, key]) => [table, chunk[key]]);
    await writer.write(pairs);
    for (const [table, rows] of pairs) totals[table] += rows.length;
    for (const r of chunk.relations) {
      inRelations.add(r[1]);
      inRelations.add(r[2]);
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  … ${totals.claims} claims (${Math.round((Date.now() - migrated) / 1000)} s)`);
    }
  }
  const loaded = Date.now();
  await writer.finish({ analyze: analyzeSqlite });
  const done = Date.now();
  return {
    generatorVersion: GENERATOR_VERSION,
    seed,
    outlets: outlets.length,
    speakers: speakers.length,
    ...totals,
    claimsInRelationsPct: Math.round((1000 * inRelations.size) / n) / 10,
    seconds: {
      migrate: (migrated - started) / 1000,
      insert: (loaded - migrated) / 1000,
      finish: (done - loaded) / 1000,
      total: (done - started) / 1000,
    },
  };
}

// ---------------------------------------------------------------- command line
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  if (!args.db || !args.claims) {
    console.error(
      'usage: node bench/generate.mjs --db sqlite:PATH|postgres://… --claims N [--seed 42] [--analyze]',
    );
    process.exit(2);
  }
  const appDir = args.app ? resolve(args.app) : resolve(PROJECT_DIR, 'dist');
  if (!existsSync(resolve(appDir, 'cli.js'))) {
    console.error(`${appDir}/cli.js is missing: run npm run build first`);
    process.exit(2);
  }
  const summary = await generate({
    databaseUrl: args.db,
    claims: Number(args.claims),
    seed: Number(args.seed ?? 42),
    appDir,
    analyzeSqlite: Boolean(args.analyze),
  });
  console.log(JSON.stringify(summary, null, 2));
}
