#!/usr/bin/env node
// "The limit": a bare node:http server that answers the bench's requests by operationName with
// the SQL statements Claimtrack itself sends (captured from PostgreSQL's statement log: the same
// text, the same parameters, the same number of round trips, issued in the same order and with
// the same parallelism as the app's DataLoaders), through the same driver (the project's own
// better-sqlite3 / pg), and returns the same JSON. What separates Claimtrack from it is the
// framework: Nest, Mercurius, TypeORM, DataLoader, validation, guards.
//
//   DATABASE_URL=sqlite:PATH|postgres://… PORT=N [RAW_MODE=same|join] node bench/raw-server.mjs
//
// RAW_MODE=join answers the list scenarios with one JOINed statement instead (reportedBy as a
// JSON aggregate): a reference for what "one well-indexed query" would give, not the limit.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { isoFromSqlite, loadPg, loadSqlite, parseDatabaseUrl, sqliteDate } from './lib/drivers.mjs';

const OPEN = ['UNVERIFIED', 'COULD_NOT_VERIFY', 'NOT_CONFIRMED', 'DISPUTED', 'DENIED'];
const SETTLED = ['CONFIRMED', 'FALSE', 'MISLEADING', 'RETRACTED'];
const COUNTER_TYPES = ['COUNTERS', 'DENIES'];
const KEY_PATTERN = /^ctk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const target = parseDatabaseUrl(process.env.DATABASE_URL ?? '');
const MODE = process.env.RAW_MODE === 'join' ? 'join' : 'same';
const isPg = target.type === 'postgres';

// ---------------------------------------------------------------- database access
class DomainError extends Error {
  constructor(code, reason, message, details = {}) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }
}

/** `$n` placeholders (PostgreSQL's) to SQLite's `?`, repeating values a `$n` uses twice. */
function toSqlite(sql, params) {
  const order = [];
  const text = sql.replace(/\$(\d+)/g, (_, n) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text, values: order.map((i) => params[i]) };
}

function openDatabase() {
  if (isPg) {
    const pg = loadPg();
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const on = (client) => ({
      all: async (sql, params = []) => (await client.query(sql, params)).rows,
      run: async (sql, params = []) => ({ changes: (await client.query(sql, params)).rowCount }),
    });
    return {
      ...on(pool),
      async tx(work) {
        const client = await pool.connect();
        try {
          await client.query('START TRANSACTION');
          const result = await work(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
      date: (d) => d, // pg serialises Dates itself
      iso: (v) => (v === null ? null : v.toISOString()),
    };
  }
  const Database = loadSqlite();
  const db = new Database(target.path, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // TypeORM keeps prepared statements in a cache; so does the limit.
  const cache = new Map();
  const prepare = (text) => {
    let st = cache.get(text);
    if (!st) {
      st = db.prepare(text);
      cache.set(text, st);
    }
    return st;
  };
  const q = {
    all: async (sql, params = []) => {
      const { text, values } = toSqlite(sql, params);
      return prepare(text).all(values);
    },
    run: async (sql, params = []) => {
      const { text, values } = toSqlite(sql, params);
      return { changes: prepare(text).run(values).changes };
    },
  };
  // One connection: transactions queue up behind each other, as Claimtrack's UnitOfWork does.
  let queue = Promise.resolve();
  return {
    ...q,
    tx(work) {
      const run = async () => {
        // IMMEDIATE takes the write lock first, so another process's commit in between cannot
        // fail this one with SQLITE_BUSY_SNAPSHOT (the busy timeout covers the wait).
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(q);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run);
      queue = result.catch(() => undefined);
      return result;
    },
    date: (d) => sqliteDate(d.getTime()),
    iso: isoFromSqlite,
  };
}

const db = openDatabase();

async function columnsOf(table) {
  const rows = isPg
    ? await db.all(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      )
    : await db.all(`SELECT name FROM pragma_table_info($1)`, [table]);
  return new Set(rows.map((r) => r.name));
}
const claimColumns = await columnsOf('claims');
const hasAudit = (await columnsOf('audit_events')).size > 0;
const hasFollowUp = claimColumns.has('follow_up_at');

// The claim's columns in the entity's order, as TypeORM selects them.
const CLAIM_COLUMNS = [
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
  'assignee',
  'follow_up_at',
  'version',
  'created_at',
  'updated_at',
].filter((c) => claimColumns.has(c));
const select = (alias, columns) =>
  columns.map((c) => `"${alias}"."${c}" AS "${alias}_${c}"`).join(', ');
const SPEAKER_COLUMNS = ['id', 'name', 'normalized_name', 'kind', 'affiliation', 'created_at'];
const OUTLET_COLUMNS = ['id', 'name', 'normalized_name', 'kind', 'url', 'created_at'];
const BRIEFING_COLUMNS = [
  'id',
  'title',
  'url',
  'outlet_id',
  'published_at',
  'created_at',
  'updated_at',
];
const ITEM_COLUMNS = ['id', 'briefing_id', 'position', 'text'];
const HOP_COLUMNS = ['claim_id', 'position', 'outlet_id'];
const CHANGE_COLUMNS = [
  'id',
  'claim_id',
  'from_status',
  'to_status',
  'note',
  'evidence_urls',
  'changed_by',
  'changed_at',
];
const RELATION_COLUMNS = [
  'id',
  'from_claim_id',
  'to_claim_id',
  'type',
  'note',
  'created_by',
  'created_at',
  'updated_at',
];
const placeholders = (count, from = 1) =>
  Array.from({ length: count }, (_, i) => `$${i + from}`).join(', ');
const unique = (values) => [...new Set(values)];

/** A DataLoader batch: `SELECT … WHERE (("E"."id" IN (…)))`, the app's findBy(In(ids)). */
async function byIds(table, entity, columns, ids) {
  if (ids.length === 0) return new Map();
  const rows = await db.all(
    `SELECT ${select(entity, columns)} FROM "${table}" "${entity}" WHERE (("${entity}"."id" IN (${placeholders(ids.length)})))`,
    ids,
  );
  return new Map(rows.map((r) => [r[`${entity}_id`], r]));
}

function claimEntity(r, a = 'Claim') {
  const entity = {
    id: r[`${a}_id`],
    itemId: r[`${a}_item_id`],
    briefingId: r[`${a}_briefing_id`],
    text: r[`${a}_text`],
    quote: r[`${a}_quote`],
    quoteStart: r[`${a}_quote_start`],
    quoteEnd: r[`${a}_quote_end`],
    speakerId: r[`${a}_speaker_id`],
    speakerRole: r[`${a}_speaker_role`],
    status: r[`${a}_status`],
    verificationPhrase: r[`${a}_verification_phrase`],
  };
  if (claimColumns.has('assignee')) entity.assignee = r[`${a}_assignee`];
  if (hasFollowUp) entity.followUpAt = db.iso(r[`${a}_follow_up_at`]);
  entity.version = r[`${a}_version`];
  entity.createdAt = db.iso(r[`${a}_created_at`]);
  entity.updatedAt = db.iso(r[`${a}_updated_at`]);
  return entity;
}

// ---------------------------------------------------------------- scenarios 1 and 2: lists
const cursorOf = (iso, id) => Buffer.from(JSON.stringify([iso, id]), 'utf8').toString('base64url');

function listWhere(filter, after) {
  const where = [];
  const params = [];
  const p = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.speakerId) where.push(`"claim"."speaker_id" = ${p(Number(filter.speakerId))}`);
  if (filter.outletId) {
    const o = p(Number(filter.outletId));
    where.push(
      `(EXISTS (SELECT 1 FROM claim_outlets hop WHERE hop.claim_id = "claim"."id" AND hop.outlet_id = ${o}) OR "claim"."briefing_id" IN (SELECT b.id FROM briefings b WHERE b.outlet_id = ${o}))`,
    );
  }
  // Claimtrack's SQLite queue keeps the status index out of the planner's choice (unary +).
  where.push(`${isPg ? '' : '+'}"claim"."status" IN (${OPEN.map((s) => p(s)).join(', ')})`);
  if (after) {
    const [value, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    where.push(`("claim"."created_at", "claim"."id") < (${p(db.date(new Date(value)))}, ${p(id)})`);
  }
  return { where: where.join(' AND '), params };
}

async function listPage(root, variables, filter) {
  const first = variables.first;
  const { where, params } = listWhere(filter, variables.after);
  if (MODE === 'join') return listPageJoined(root, first, where, params);
  const rows = await db.all(
    `SELECT ${select('claim', CLAIM_COLUMNS)} FROM "claims" "claim" WHERE ${where} ORDER BY "claim"."created_at" DESC, "claim"."id" DESC LIMIT ${first + 1}`,
    params,
  );
  const page = rows.slice(0, first).map((r) => claimEntity(r, 'claim'));
  const claimIds = page.map((c) => c.id);
  const [speakers, chains, items, [briefings, publishers]] = await Promise.all([
    byIds('speakers', 'Speaker', SPEAKER_COLUMNS, unique(page.map((c) => c.speakerId))),
    (async () => {
      if (claimIds.length === 0) return new Map();
      const hops = await db.all(
        `SELECT ${select('ClaimOutlet', HOP_COLUMNS)} FROM "claim_outlets" "ClaimOutlet" WHERE (("ClaimOutlet"."claim_id" IN (${placeholders(claimIds.length)}))) ORDER BY "ClaimOutlet"."claim_id" ASC, "ClaimOutlet"."position" ASC`,
        claimIds,
      );
      const outlets = await byIds(
        'outlets',
        'Outlet',
        OUTLET_COLUMNS,
        unique(hops.map((h) => h.ClaimOutlet_outlet_id)),
      );
      const chains = new Map();
      for (const h of hops) {
        const o = outlets.get(h.ClaimOutlet_outlet_id);
        let list = chains.get(h.ClaimOutlet_claim_id);
        if (!list) chains.set(h.ClaimOutlet_claim_id, (list = []));
        list.push({ id: String(o.Outlet_id), name: o.Outlet_name, kind: o.Outlet_kind });
      }
      return chains;
    })(),
    byIds('briefing_items', 'BriefingItem', ITEM_COLUMNS, unique(page.map((c) => c.itemId))),
    (async () => {
      const briefings = await byIds(
        'briefings',
        'Briefing',
        BRIEFING_COLUMNS,
        unique(page.map((c) => c.briefingId)),
      );
      const outletIds = unique(
        [...briefings.values()].map((b) => b.Briefing_outlet_id).filter((id) => id !== null),
      );
      return [briefings, await byIds('outlets', 'Outlet', OUTLET_COLUMNS, outletIds)];
    })(),
  ]);
  const edges = page.map((c) => {
    const s = speakers.get(c.speakerId);
    const i = items.get(c.itemId);
    const b = briefings.get(c.briefingId);
    const o = b.Briefing_outlet_id === null ? null : publishers.get(b.Briefing_outlet_id);
    return {
      cursor: cursorOf(c.createdAt, c.id),
      node: {
        id: String(c.id),
        text: c.text,
        status: c.status,
        version: c.version,
        createdAt: c.createdAt,
        speakerRole: c.speakerRole,
        verificationPhrase: c.verificationPhrase,
        speaker: { id: String(s.Speaker_id), name: s.Speaker_name, kind: s.Speaker_kind },
        reportedBy: chains.get(c.id) ?? [],
        item: { id: String(i.BriefingItem_id), position: i.BriefingItem_position },
        briefing: {
          id: String(b.Briefing_id),
          title: b.Briefing_title,
          publishedAt: db.iso(b.Briefing_published_at),
          outlet: o ? { id: String(o.Outlet_id), name: o.Outlet_name } : null,
        },
      },
    };
  });
  return {
    data: {
      [root]: {
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
}

async function listPageJoined(root, first, where, params) {
  const chain = isPg
    ? `(SELECT json_agg(json_build_object('id', ro.id::text, 'name', ro.name, 'kind', ro.kind) ORDER BY h.position) FROM claim_outlets h JOIN outlets ro ON ro.id = h.outlet_id WHERE h.claim_id = c.id)`
    : `(SELECT json_group_array(json_object('id', CAST(ro.id AS TEXT), 'name', ro.name, 'kind', ro.kind) ORDER BY h.position) FROM claim_outlets h JOIN outlets ro ON ro.id = h.outlet_id WHERE h.claim_id = c.id)`;
  const rows = await db.all(
    `SELECT c.id, c.text, c.status, c.version, c.created_at, c.speaker_role, c.verification_phrase,
       s.id AS s_id, s.name AS s_name, s.kind AS s_kind, i.id AS i_id, i.position AS i_position,
       b.id AS b_id, b.title AS b_title, b.published_at AS b_published_at, o.id AS o_id, o.name AS o_name,
       ${chain} AS reported_by
     FROM (SELECT "claim".* FROM "claims" "claim" WHERE ${where} ORDER BY "claim"."created_at" DESC, "claim"."id" DESC LIMIT ${first + 1}) c
     JOIN speakers s ON s.id = c.speaker_id JOIN briefing_items i ON i.id = c.item_id
     JOIN briefings b ON b.id = c.briefing_id LEFT JOIN outlets o ON o.id = b.outlet_id
     ORDER BY c.created_at DESC, c.id DESC`,
    params,
  );
  const edges = rows.slice(0, first).map((r) => {
    const createdAt = db.iso(r.created_at);
    const chainValue = isPg ? r.reported_by : r.reported_by && JSON.parse(r.reported_by);
    return {
      cursor: cursorOf(createdAt, r.id),
      node: {
        id: String(r.id),
        text: r.text,
        status: r.status,
        version: r.version,
        createdAt,
        speakerRole: r.speaker_role,
        verificationPhrase: r.verification_phrase,
        speaker: { id: String(r.s_id), name: r.s_name, kind: r.s_kind },
        reportedBy: chainValue ?? [],
        item: { id: String(r.i_id), position: r.i_position },
        briefing: {
          id: String(r.b_id),
          title: r.b_title,
          publishedAt: db.iso(r.b_published_at),
          outlet: r.o_id === null ? null : { id: String(r.o_id), name: r.o_name },
        },
      },
    };
  });
  return {
    data: {
      [root]: {
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
}

// ---------------------------------------------------------------- scenario 3: claim detail
const CLAIM_BY_ID = `SELECT ${select('Claim', CLAIM_COLUMNS)} FROM "claims" "Claim" WHERE (("Claim"."id" = $1)) LIMIT 1`;

async function detail(variables) {
  const id = Number(variables.id);
  const [row] = await db.all(CLAIM_BY_ID, [id]);
  if (!row)
    throw new DomainError('NOT_FOUND', 'CLAIM_NOT_FOUND', `Claim ${id} does not exist`, {
      id: String(id),
    });
  const claim = claimEntity(row);
  const [history, relations] = await Promise.all([
    db.all(
      `SELECT ${select('StatusChange', CHANGE_COLUMNS)} FROM "status_changes" "StatusChange" WHERE (("StatusChange"."claim_id" IN ($1))) ORDER BY "StatusChange"."claim_id" ASC, "StatusChange"."changed_at" ASC, "StatusChange"."id" ASC`,
      [id],
    ),
    db.all(
      `SELECT ${select('relation', RELATION_COLUMNS)} FROM "claim_relations" "relation" WHERE "relation"."from_claim_id" IN ($1) OR "relation"."to_claim_id" IN ($2) ORDER BY "relation"."id" ASC`,
      [id, id],
    ),
  ]);
  const counterIds = unique(
    relations
      .filter((r) => COUNTER_TYPES.includes(r.relation_type))
      .map((r) =>
        r.relation_from_claim_id === id ? r.relation_to_claim_id : r.relation_from_claim_id,
      ),
  );
  const linked = unique([
    ...relations.flatMap((r) => [r.relation_from_claim_id, r.relation_to_claim_id]),
    ...counterIds,
  ]);
  const claims = await byIds('claims', 'Claim', CLAIM_COLUMNS, linked);
  const counters = counterIds.map((cid) => claims.get(cid)).filter(Boolean);
  const speakers = await byIds(
    'speakers',
    'Speaker',
    SPEAKER_COLUMNS,
    unique(counters.map((c) => c.Claim_speaker_id)),
  );
  return {
    data: {
      claim: {
        id: String(claim.id),
        text: claim.text,
        status: claim.status,
        version: claim.version,
        statusHistory: history.map((h) => ({
          id: String(h.StatusChange_id),
          from: h.StatusChange_from_status,
          to: h.StatusChange_to_status,
          note: h.StatusChange_note,
          evidenceUrls: JSON.parse(h.StatusChange_evidence_urls),
          changedBy: h.StatusChange_changed_by,
          changedAt: db.iso(h.StatusChange_changed_at),
        })),
        relations: relations.map((r) => ({
          id: String(r.relation_id),
          type: r.relation_type,
          note: r.relation_note,
          createdAt: db.iso(r.relation_created_at),
          from: { id: String(claims.get(r.relation_from_claim_id).Claim_id) },
          to: { id: String(claims.get(r.relation_to_claim_id).Claim_id) },
        })),
        counterClaims: counters.map((c) => {
          const s = speakers.get(c.Claim_speaker_id);
          return {
            id: String(c.Claim_id),
            text: c.Claim_text,
            status: c.Claim_status,
            speaker: { id: String(s.Speaker_id), name: s.Speaker_name },
          };
        }),
      },
    },
  };
}

// ---------------------------------------------------------------- scenario 4: status change
const HOPS_OF_CLAIM = `SELECT ${select('ClaimOutlet', HOP_COLUMNS)} FROM "claim_outlets" "ClaimOutlet" WHERE (("ClaimOutlet"."claim_id" = $1)) ORDER BY "ClaimOutlet"."position" ASC`;
const returning = isPg ? ' RETURNING "id"' : '';

async function setStatus(variables, actor) {
  const input = variables.input;
  const id = Number(input.claimId);
  const to = input.status;
  if (input.followUpAt && to !== 'NOT_CONFIRMED') {
    throw new DomainError(
      'BAD_USER_INPUT',
      'FOLLOW_UP_NOT_ALLOWED',
      'followUpAt is only for NOT_CONFIRMED',
      { field: 'input.followUpAt' },
    );
  }
  return db.tx(async (q) => {
    const [row] = await q.all(CLAIM_BY_ID, [id]);
    if (!row)
      throw new DomainError('NOT_FOUND', 'CLAIM_NOT_FOUND', `Claim ${id} does not exist`, {
        id: String(id),
      });
    const claim = claimEntity(row);
    if (claim.version !== input.expectedVersion)
      throw conflict(id, input.expectedVersion, claim.version);
    if (claim.status === to)
      throw new DomainError('BAD_USER_INPUT', 'STATUS_UNCHANGED', `the claim is already ${to}`, {
        field: 'input.status',
      });
    if (claim.status === 'RETRACTED' && to !== 'UNVERIFIED')
      throw new DomainError(
        'BAD_USER_INPUT',
        'TRANSITION_NOT_ALLOWED',
        'a retracted claim can only be reopened as UNVERIFIED',
        { field: 'input.status' },
      );
    const needsReason = SETTLED.includes(to) || SETTLED.includes(claim.status);
    if (needsReason && !input.note && !input.evidenceUrls?.length)
      throw new DomainError('BAD_USER_INPUT', 'REASON_REQUIRED', 'a note or evidence is required', {
        field: 'input.note',
      });
    const now = new Date();
    const followUpAt = input.followUpAt ? new Date(input.followUpAt) : null;
    const hops = await q.all(HOPS_OF_CLAIM, [id]);
    const before = { ...claim, reportedBy: hops.map((h) => h.ClaimOutlet_outlet_id) };
    const updated = hasFollowUp
      ? await q.run(
          `UPDATE "claims" SET "status" = $1, "follow_up_at" = $2, "version" = "version" + 1, "updated_at" = $3 WHERE "id" = $4 AND "version" = $5`,
          [to, followUpAt && db.date(followUpAt), db.date(now), id, input.expectedVersion],
        )
      : await q.run(
          `UPDATE "claims" SET "status" = $1, "version" = "version" + 1, "updated_at" = $2 WHERE "id" = $3 AND "version" = $4`,
          [to, db.date(now), id, input.expectedVersion],
        );
    if (updated.changes !== 1) {
      const [current] = await q.all(
        `SELECT "Claim"."id" AS "Claim_id", "Claim"."version" AS "Claim_version" FROM "claims" "Claim" WHERE (("Claim"."id" = $1)) LIMIT 1`,
        [id],
      );
      if (!current)
        throw new DomainError('NOT_FOUND', 'CLAIM_NOT_FOUND', `Claim ${id} does not exist`, {
          id: String(id),
        });
      throw conflict(id, input.expectedVersion, current.Claim_version);
    }
    await q.run(
      `INSERT INTO "status_changes"("claim_id", "from_status", "to_status", "note", "evidence_urls", "changed_by", "changed_at") VALUES ($1, $2, $3, $4, $5, $6, $7)${returning}`,
      [
        id,
        claim.status,
        to,
        input.note ?? null,
        JSON.stringify(input.evidenceUrls ?? []),
        actor,
        db.date(now),
      ],
    );
    const version = input.expectedVersion + 1;
    if (hasAudit) {
      // Claimtrack reads the chain once: a status change leaves it as it was.
      const after = {
        ...claim,
        status: to,
        version,
        updatedAt: now.toISOString(),
        reportedBy: before.reportedBy,
      };
      if (hasFollowUp) after.followUpAt = followUpAt && followUpAt.toISOString();
      await q.run(
        `INSERT INTO "audit_events"("actor", "action", "entity_type", "entity_id", "before", "after", "at") VALUES ($1, $2, $3, $4, $5, $6, $7)${returning}`,
        [
          actor,
          'STATUS_CHANGED',
          'CLAIM',
          String(id),
          JSON.stringify(before),
          JSON.stringify(after),
          db.date(new Date()),
        ],
      );
    }
    return { data: { updateVerificationStatus: { id: String(id), status: to, version } } };
  });
}

const conflict = (claimId, expectedVersion, currentVersion) =>
  new DomainError(
    'CONFLICT',
    'VERSION_CONFLICT',
    `Claim ${claimId} is at version ${currentVersion}, not ${expectedVersion}: reload it and retry`,
    { claimId: String(claimId), expectedVersion, currentVersion },
  );

// ---------------------------------------------------------------- HTTP
const verified = new Map();
async function authenticate(header) {
  const key = /^Bearer\s+(\S+)$/i.exec((header ?? '').trim())?.[1];
  if (!key) return null;
  const cached = verified.get(key);
  if (cached && cached.until > Date.now()) return cached.name;
  const parts = KEY_PATTERN.exec(key);
  if (!parts) return null;
  const [row] = await db.all(
    `SELECT name, secret_hash, revoked_at FROM api_keys WHERE prefix = $1 LIMIT 1`,
    [parts[1]],
  );
  const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const ok = timingSafeEqual(createHash('sha256').update(parts[2]).digest(), expected);
  if (!row || !ok || row.revoked_at) return null;
  verified.set(key, { name: row.name, until: Date.now() + 10_000 });
  return row.name;
}

const HANDLERS = {
  Queue: (v) => listPage('unverifiedClaims', v, {}),
  SpeakerPage: (v) => listPage('unverifiedClaims', v, { speakerId: v.speakerId }),
  OutletPage: (v) => listPage('unverifiedClaims', v, { outletId: v.outletId }),
  Detail: detail,
  SetStatus: setStatus,
};

function errorBody(error, body) {
  if (error instanceof DomainError) {
    const field = body.operationName === 'SetStatus' ? 'updateVerificationStatus' : 'claim';
    const column = (body.query ?? '').indexOf(`${field}(`) + 1;
    return {
      data: null,
      errors: [
        {
          message: error.message,
          locations: [{ line: 1, column }],
          path: [field],
          extensions: { code: error.code, reason: error.reason, ...error.details },
        },
      ],
    };
  }
  console.error(error);
  return {
    data: null,
    errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.end('ok');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let payload;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const actor = await authenticate(req.headers.authorization);
      const handler = HANDLERS[body.operationName];
      if (!actor)
        payload = {
          data: null,
          errors: [{ message: 'API key required', extensions: { code: 'UNAUTHENTICATED' } }],
        };
      else if (!handler)
        payload = {
          data: null,
          errors: [
            {
              message: `No handler for ${body.operationName}`,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        };
      else {
        try {
          payload = await handler(body.variables ?? {}, actor);
        } catch (error) {
          payload = errorBody(error, body);
        }
      }
    } catch (error) {
      payload = errorBody(error, {});
    }
    const text = JSON.stringify(payload);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1', () => {
  console.log(`raw-server (${MODE}, ${target.type}) on ${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
