#!/usr/bin/env node
// npm run bench [-- --quick] [-- --sizes 10000,100000,1000000] [--db sqlite,postgres] …
//
// For each database and size: generate the data (bench/generate.mjs), start Claimtrack's built
// server (a snapshot of dist/, so a rebuild by someone else cannot pull it away mid-run), the
// limit (bench/raw-server.mjs, and its one-JOIN reference) and, on PostgreSQL, the peer
// (PostGraphile 4.14); check they answer alike; then load them with autocannon (bench/load.mjs,
// its own process), alternating servers round by round, and write medians of the rounds to
// bench/results/<db>-<size>.md (and .json), printed as well.
import { fork, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { dropDatabase, generate } from './generate.mjs';
import { BENCH_DIR, driverVersions, inList, openQuery, PROJECT_DIR } from './lib/drivers.mjs';
import { claimtrack, endCursor, OPEN_STATUSES, pageIds, peer } from './queries.mjs';
import { parseArgs } from './lib/args.mjs';
import { createKey, ensureBenchDependencies, freePort, sleep, snapshotApp } from './lib/app.mjs';
import { seededRandom } from './lib/random.mjs';

// ---------------------------------------------------------------- options
const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log(`npm run bench -- [options]
  --quick                 10k claims on both databases, 3 rounds of 1 s (about two minutes)
  --sizes 10000,100000    claim counts (default 10000)
  --db sqlite,postgres    databases (default both)
  --rounds 3              measured rounds per server and scenario (median reported)
  --duration 5            seconds per round (quick: 1)
  --warmup 2              seconds of warm-up per server and scenario (quick: 0.3)
  --connections 10        autocannon connections
  --scenarios 1,2,2b,3,4,4h,5   (quick: 1,2,3,4,5)
  --no-join               skip the one-JOIN reference server (quick: skipped; --join brings it back)
  --seed 42               generator seed
  --pg postgres://postgres@127.0.0.1:5432   server for the claimtrack_bench_<size> databases
  --keep                  keep the generated databases (bench/data/, claimtrack_bench_*)
  --no-peer               skip PostGraphile
  --render                only rewrite bench/results/*.md from the .json files
  --analyze               run ANALYZE on SQLite after loading (the app never does; PostgreSQL
                          always gets VACUUM ANALYZE, as autovacuum would do)`);
  process.exit(0);
}
const quick = Boolean(args.quick);
const opt = {
  sizes: String(args.sizes ?? '10000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter(Boolean),
  dbs: String(args.db ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim()),
  rounds: Number(args.rounds ?? 3),
  duration: Number(args.duration ?? (quick ? 1 : 5)),
  warmup: Number(args.warmup ?? (quick ? 0.3 : 2)),
  connections: Number(args.connections ?? 10),
  scenarios: String(args.scenarios ?? (quick ? '1,2,3,4,5' : '1,2,2b,3,4,4h,5'))
    .split(',')
    .map((s) => s.trim()),
  seed: Number(args.seed ?? 42),
  pg: String(args.pg ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, ''),
  keep: Boolean(args.keep),
  peer: !args['no-peer'],
  join: args.join ? true : !args['no-join'] && !quick,
  analyze: Boolean(args.analyze),
  maxMinutes: Number(args['max-minutes'] ?? 180),
};
if (quick && !args.sizes) opt.sizes = [10000];
if (opt.rounds < 1 || opt.duration <= 0) throw new Error('--rounds ≥ 1 and --duration > 0');

const DEEP_PAGES = 5; // scenario 2 reads the page after walking this many pages of 50
const RESULTS_DIR = resolve(BENCH_DIR, 'results');
const DATA_DIR = resolve(BENCH_DIR, 'data');
const APP_DIR = resolve(BENCH_DIR, '.app');
const log = (...parts) => console.log(...parts);

// ---------------------------------------------------------------- child processes
const children = new Set();
let loader = null;
async function cleanupChildren() {
  for (const child of children) await stop(child);
  if (loader?.connected) loader.disconnect();
}
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping servers`);
    await cleanupChildren();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`Bench exceeded --max-minutes ${opt.maxMinutes}: stopping`);
  await cleanupChildren();
  process.exit(3);
}, opt.maxMinutes * 60_000);
watchdog.unref();

async function stop(child) {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const exited = await Promise.race([
    new Promise((r) => child.once('exit', () => r(true))),
    new Promise((r) => setTimeout(() => r(false), 5000)),
  ]);
  if (!exited) child.kill('SIGKILL');
}

async function post(url, body, key) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function startServer(name, script, env, logName, key) {
  const port = await freePort();
  mkdirSync(resolve(DATA_DIR, 'logs'), { recursive: true });
  const logPath = resolve(DATA_DIR, 'logs', `${logName}-${name}.log`);
  const out = createWriteStream(logPath);
  const child = spawn(process.execPath, [script], {
    cwd: PROJECT_DIR,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  children.add(child);
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}); see ${logPath}`);
    try {
      const json = await post(url, { query: '{ __typename }', operationName: null }, key);
      if (json?.data?.__typename || json?.errors) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start in 90 s; see ${logPath}`);
    await sleep(200);
  }
  return { name, child, pid: child.pid, port, url, logPath };
}

function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
  } catch {
    return 0;
  }
}

/**
 * Waits until the servers have finished the work autocannon left behind (it drops the requests
 * in flight when its time is up, but the servers go on with them): no server process uses CPU
 * and, on PostgreSQL, no statement of the bench database is still active. Bounded.
 */
async function quiesce(pids, q, databaseName, limitMs = 300_000) {
  const deadline = Date.now() + limitMs;
  let quietFor = 0;
  while (Date.now() < deadline) {
    const before = pids.map(cpuTicks);
    await sleep(100);
    const busyTicks = pids.map(cpuTicks).reduce((t, v, i) => t + v - before[i], 0);
    let active = 0;
    if (q.type === 'postgres') {
      const [row] = await q.all(
        `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [databaseName],
      );
      active = Number(row.n);
    }
    // ≤ 1 tick (10 ms) of CPU in 100 ms across all servers counts as quiet
    quietFor = busyTicks <= 1 && active === 0 ? quietFor + 1 : 0;
    if (quietFor >= 2) return true;
  }
  return false;
}

let loadSeq = 0;
const pendingLoads = new Map();
function startLoader() {
  loader = fork(resolve(BENCH_DIR, 'load.mjs'), [], {
    cwd: BENCH_DIR,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  loader.on('message', (m) => {
    const p = pendingLoads.get(m.id);
    if (!p) return;
    pendingLoads.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  loader.on('exit', (code) => {
    for (const p of pendingLoads.values()) p.reject(new Error(`load generator exited (${code})`));
    pendingLoads.clear();
  });
}
function load(spec) {
  const id = ++loadSeq;
  return new Promise((resolveLoad, rejectLoad) => {
    const timer = setTimeout(
      () => {
        pendingLoads.delete(id);
        rejectLoad(new Error('load run timed out'));
      },
      (spec.duration + 60) * 1000,
    );
    pendingLoads.set(id, {
      resolve: (r) => (clearTimeout(timer), resolveLoad(r)),
      reject: (e) => (clearTimeout(timer), rejectLoad(e)),
    });
    loader.send({ id, spec });
  });
}

// ---------------------------------------------------------------- setup
/** What the scenarios aim at, chosen by SQL from the generated data. */
async function pickTargets(q, size, seed) {
  const open = OPEN_STATUSES;
  const random = seededRandom(seed + 7);
  const [speaker] = await q.all(
    `SELECT speaker_id AS id, COUNT(*) AS n FROM claims WHERE status IN (${inList(open)}) GROUP BY speaker_id ORDER BY COUNT(*) DESC, speaker_id LIMIT 1`,
    open,
  );
  const [outlet] = await q.all(
    `SELECT outlet_id AS id, COUNT(*) AS n FROM claim_outlets GROUP BY outlet_id ORDER BY COUNT(*) DESC, outlet_id LIMIT 1`,
  );
  const [busy] = await q.all(
    `SELECT claim_id AS id, COUNT(*) AS n FROM (SELECT from_claim_id AS claim_id FROM claim_relations UNION ALL SELECT to_claim_id FROM claim_relations) x GROUP BY claim_id ORDER BY COUNT(*) DESC, claim_id DESC LIMIT 1`,
  );
  const [{ maxrel }] = await q.all(`SELECT MAX(id) AS maxrel FROM claim_relations`);
  const relIds = [
    ...new Set(Array.from({ length: 400 }, () => 1 + Math.floor(random() * Number(maxrel)))),
  ];
  const rels = await q.all(
    `SELECT from_claim_id AS f, to_claim_id AS t FROM claim_relations WHERE id IN (${inList(relIds)})`,
    relIds,
  );
  const detailPool = [...new Set(rels.flatMap((r) => [Number(r.f), Number(r.t)]))].slice(0, 200);
  const [hot] = await q.all(
    `SELECT id, version, status FROM claims WHERE status IN (${inList(open)}) ORDER BY created_at DESC, id DESC LIMIT 1`,
    open,
  );
  const avoid = new Set([Number(hot.id), Number(busy.id), ...detailPool]);
  const candidates = [
    ...new Set(Array.from({ length: 3000 }, () => 1 + Math.floor(random() * size))),
  ].filter((id) => !avoid.has(id));
  const rows = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const ids = candidates.slice(i, i + 500);
    rows.push(
      ...(await q.all(`SELECT id, version, status FROM claims WHERE id IN (${inList(ids)})`, ids)),
    );
  }
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const openRows = candidates.map((id) => byId.get(id)).filter((r) => r && open.includes(r.status));
  const asPool = (r) => ({
    id: Number(r.id),
    v0: Number(r.version),
    s0: r.status,
    alt: open[(open.indexOf(r.status) + 1) % open.length],
    version: Number(r.version),
  });
  const writePool = openRows.slice(0, 500).map(asPool);
  const probe = asPool(openRows[500] ?? openRows.at(-1));
  return {
    speakerId: Number(speaker.id),
    speakerOpenClaims: Number(speaker.n),
    outletId: Number(outlet.id),
    outletHops: Number(outlet.n),
    busyClaim: Number(busy.id),
    busyRelations: Number(busy.n),
    detailPool,
    writePool,
    hot: asPool(hot),
    probe,
  };
}

async function currentVersions(q, pool) {
  const ids = pool.map((c) => c.id);
  const rows = await q.all(`SELECT id, version FROM claims WHERE id IN (${inList(ids)})`, ids);
  const v = new Map(rows.map((r) => [Number(r.id), Number(r.version)]));
  return pool.map((c) => ({ ...c, version: v.get(c.id) }));
}

/** Per claim of the pool: version, history rows and audit events, read in one statement. */
async function writeState(q, pool) {
  const ids = pool.map((c) => c.id);
  let hasAudit = true;
  try {
    await q.all('SELECT 1 FROM audit_events LIMIT 1');
  } catch {
    hasAudit = false;
  }
  const audit = hasAudit
    ? `(SELECT COUNT(*) FROM audit_events a WHERE a.entity_type = 'CLAIM' AND a.action = 'STATUS_CHANGED' AND a.entity_id = CAST(c.id AS TEXT))`
    : 'NULL';
  const rows = await q.all(
    `SELECT c.id AS id, c.version AS version, (SELECT COUNT(*) FROM status_changes s WHERE s.claim_id = c.id) AS history, ${audit} AS audit FROM claims c WHERE c.id IN (${inList(ids)})`,
    ids,
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        version: Number(r.version),
        history: Number(r.history),
        audit: r.audit === null ? null : Number(r.audit),
      },
    ]),
  );
}

/**
 * Lossless: every committed change bumped the version by one and left exactly one history row
 * (and one audit event), claim by claim; and the server committed every change it acknowledged
 * (at most the requests still in flight when a run's time ran out come on top).
 */
function losslessVerdict(label, before, after, acked, inflight) {
  let changes = 0;
  let mismatched = 0;
  let audits = 0;
  for (const [id, b] of before) {
    const a = after.get(id);
    const dv = a.version - b.version;
    const dh = a.history - b.history;
    const da = a.audit === null ? dv : a.audit - b.audit;
    changes += dv;
    audits += da;
    if (dv !== dh || dv !== da || dv < 0) mismatched++;
  }
  const ok = mismatched === 0 && changes >= acked && changes <= acked + inflight;
  return {
    what: `${label}: ${acked} changes acknowledged (+ ≤ ${inflight} in flight at the ends of runs), ${changes} committed; history rows and audit events match the version bumps on ${before.size - mismatched} of ${before.size} claims${audits !== changes ? ` (audit events ${audits})` : ''}`,
    ok,
  };
}

// ---------------------------------------------------------------- statistics and tables
const median = (values) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** Medians of a server's rounds; a round that answered nothing counts as slower than any. */
function roundStats(s) {
  if (!s?.rounds) return s;
  if (s.rounds.length === 0) return { ...s, rps: 0, p50: Infinity, p99: Infinity };
  const lat = (k) => {
    const m = median(s.rounds.map((x) => (x.requests > 0 ? x[k] : Number.MAX_VALUE)));
    return m === Number.MAX_VALUE ? Infinity : m;
  };
  return { ...s, rps: median(s.rounds.map((x) => x.rps)), p50: lat('p50'), p99: lat('p99') };
}
const statsOf = (scenario) =>
  scenario &&
  Object.fromEntries(Object.entries(scenario.servers).map(([n, x]) => [n, roundStats(x)]));
const fmtMs = (v, params) => (v === Infinity ? `> ${params.duration * 1000}` : fmt(v, 1));
const fmtRps = (v) => (v > 0 && v < 10 ? fmt(v, 1) : fmt(v));
const ratio = (a, b) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

const SCENARIOS = {
  1: {
    title: "1 editors' queue: unverifiedClaims(first: 50) + speaker, reportedBy, item, briefing",
    servers: ['claimtrack', 'limit', 'limit-join', 'peer'],
  },
  2: {
    title: `2 queue filtered by speaker, page ${DEEP_PAGES + 1} (after a cursor)`,
    servers: ['claimtrack', 'limit', 'peer'],
  },
  '2b': {
    title: `2b queue filtered by outlet, page ${DEEP_PAGES + 1} (after a cursor)`,
    servers: ['claimtrack', 'limit'],
  },
  3: {
    title: '3 claim detail: statusHistory, relations, counterClaims (random related claims)',
    servers: ['claimtrack', 'limit', 'peer'],
  },
  4: {
    title: '4 updateVerificationStatus on random claims (pool of 500, versions tracked)',
    servers: ['claimtrack', 'limit'],
  },
  '4h': {
    title: '4h updateVerificationStatus on one hot claim (every connection at once)',
    servers: ['claimtrack', 'limit'],
  },
  5: { title: '5 claimGraph depth 2 around the busiest claim', servers: ['claimtrack'] },
};
const SCENARIO_ORDER = ['1', '2', '2b', '3', '4', '4h', '5'];
const SERVER_LABEL = {
  claimtrack: 'Claimtrack',
  limit: 'the limit (raw, same SQL)',
  'limit-join': 'raw, one JOIN (reference)',
  peer: 'the peer (PostGraphile 4.14)',
};

function renderTable(run) {
  const lines = [];
  lines.push(
    `## ${run.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${run.size.toLocaleString('en-US')} claims`,
  );
  lines.push('');
  lines.push(
    `${run.startedAt} · ${run.env.commit} · ${run.db === 'sqlite' ? (run.params.analyze ? 'SQLite ANALYZEd after loading' : 'SQLite not ANALYZEd (as the app leaves it)') : 'VACUUM ANALYZE after loading'} · Node ${run.env.node} · ${run.env.cpus} × ${run.env.cpu} · ${opt.connections} connections · ${run.params.rounds} rounds × ${run.params.duration} s (+${run.params.warmup} s warm-up), servers alternated round by round; medians of the rounds`,
  );
  lines.push('');
  lines.push(
    '| scenario | server | req/s | p50 ms | p99 ms | × limit | × peer | RSS MB after | notes |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const id of SCENARIO_ORDER.filter((k) => run.scenarios[k])) {
    const sc = { ...run.scenarios[id], servers: statsOf(run.scenarios[id]) };
    const limit = sc.servers.limit?.rps;
    const peerRps = sc.servers.peer?.rps;
    let first = true;
    for (const [name, s] of Object.entries(sc.servers)) {
      const notes = [];
      if (s.successes !== undefined)
        notes.push(
          `${s.successes} ok, ${s.conflicts} conflicts${s.otherErrors ? `, ${s.otherErrors} other errors` : ''} (all rounds)`,
        );
      if (s.gqlErrors) notes.push(`${s.gqlErrors} error answers`);
      if (s.errors || s.timeouts || s.non2xx)
        notes.push(`${s.errors} socket errors, ${s.timeouts} timeouts, ${s.non2xx} non-2xx`);
      if (first && sc.note) notes.push(sc.note);
      const answered = s.rounds ? s.rounds.reduce((t, x) => t + (x.requests ?? 0), 0) : 1;
      if (s.rounds?.length === 0) notes.unshift('no answer in the warm-up: rounds skipped');
      else if (answered === 0)
        notes.unshift(`no request answered within the ${run.params.duration} s rounds`);
      else if (s.p99 === Infinity)
        notes.unshift(
          `${answered} request(s) answered in ${s.rounds.length} rounds of ${run.params.duration} s`,
        );
      if (s.soloMs) notes.push(`one request alone: ${fmt(s.soloMs)} ms`);
      lines.push(
        `| ${first ? SCENARIOS[id].title : ''} | ${SERVER_LABEL[name]} | ${fmtRps(s.rps)} | ${fmtMs(s.p50, run.params)} | ${fmtMs(s.p99, run.params)} | ${name === 'limit' ? '1.00×' : ratio(s.rps, limit)} | ${name === 'peer' ? '1.00×' : ratio(s.rps, peerRps)} | ${fmt(s.rssMb)} | ${notes.join('; ')} |`,
      );
      first = false;
    }
  }
  lines.push('');
  lines.push(
    '**Checks before load**: ' + run.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.what}`).join('; '),
  );
  lines.push('');
  if (run.lossless.length) {
    lines.push(
      '**Lossless writes**: ' + run.lossless.map((l) => `${l.ok ? '✓' : '✗'} ${l.what}`).join('; '),
    );
    lines.push('');
  }
  lines.push(
    `**Data**: ${Object.entries(run.data)
      .filter(([k]) => !['seconds', 'generatorVersion', 'seed'].includes(k))
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
      .join(
        ', ',
      )}; generated in ${run.data.seconds.total.toFixed(1)} s (insert ${run.data.seconds.insert.toFixed(1)} s). Targets: speaker ${run.targets.speakerId} (${run.targets.speakerOpenClaims} open claims), outlet ${run.targets.outletId} (${run.targets.outletHops} chain hops), busy claim ${run.targets.busyClaim} (${run.targets.busyRelations} relations, graph of ${run.targets.graphNodes} nodes), hot claim ${run.targets.hot.id}.`,
  );
  lines.push('');
  lines.push(
    `**Server memory** (VmRSS now / VmHWM peak, MB, after all scenarios): ${Object.entries(
      run.memory,
    )
      .map(([n, m]) => `${SERVER_LABEL[n]} ${fmt(m.rssMb)} / ${fmt(m.peakMb)}`)
      .join('; ')}`,
  );
  lines.push('');
  lines.push(
    '**Targets (issue 6)**: ' +
      run.targetChecks.map((t) => `${t.ok === null ? '·' : t.ok ? '✓' : '✗'} ${t.what}`).join('; '),
  );
  lines.push('');
  return lines.join('\n');
}

function targetChecks(run) {
  const out = [];
  const s1 = statsOf(run.scenarios[1]);
  const atLeast = (a, b, k) =>
    Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a >= k * b : false;
  const none = (s) => (s && !(s.rps > 0) ? ' (no request answered within a round)' : '');
  if (s1?.limit)
    out.push({
      what: `scenario 1 ≥ 0.6× the limit: ${ratio(s1.claimtrack.rps, s1.limit.rps)}${none(s1.limit) || none(s1.claimtrack)}`,
      ok: atLeast(s1.claimtrack.rps, s1.limit.rps, 0.6),
    });
  if (s1?.peer)
    out.push({
      what: `scenario 1 ≥ 2× PostGraphile: ${ratio(s1.claimtrack.rps, s1.peer.rps)}`,
      ok: atLeast(s1.claimtrack.rps, s1.peer.rps, 2),
    });
  const s4 = statsOf(run.scenarios[4]);
  if (s4?.limit)
    out.push({
      what: `scenario 4 ≥ 0.5× the raw loop: ${ratio(s4.claimtrack.rps, s4.limit.rps)}`,
      ok: atLeast(s4.claimtrack.rps, s4.limit.rps, 0.5),
    });
  if (run.lossless.length)
    out.push({ what: `scenario 4 lossless`, ok: run.lossless.every((l) => l.ok) });
  const rss = run.memory.claimtrack?.rssMb;
  out.push({
    what: `Claimtrack RSS after load ${fmt(rss)} MB (< 300 MB required at 1M)`,
    ok: run.size >= 1_000_000 ? rss < 300 : rss < 300 ? null : false,
  });
  out.push({
    what: 'p99 of 1–3 within 1.5× from 10k to 1M: see bench/results/scaling-' + run.db + '.md',
    ok: null,
  });
  return out;
}

/** p99 (and req/s) of Claimtrack per size, from every result file of this database. */
function renderScaling(db) {
  const files = readdirSync(RESULTS_DIR).filter(
    (f) => f.startsWith(`${db}-`) && f.endsWith('.json') && /^\w+-\d+\.json$/.test(f),
  );
  const runs = files
    .map((f) => JSON.parse(readFileSync(resolve(RESULTS_DIR, f), 'utf8')))
    .sort((a, b) => a.size - b.size);
  if (runs.length === 0) return '';
  const lines = [
    `## ${db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: Claimtrack across sizes (p99 ms / req/s; last column: largest size's p99 ÷ smallest's, target ≤ 1.5×)`,
    '',
  ];
  lines.push(
    `| scenario | ${runs.map((r) => `${r.size.toLocaleString('en-US')} (${r.startedAt.slice(0, 16)})`).join(' | ')} | p99 ratio |`,
  );
  lines.push(`|---|${runs.map(() => '---:').join('|')}|---:|`);
  for (const id of SCENARIO_ORDER) {
    const cells = runs.map((r) => roundStats(r.scenarios[id]?.servers.claimtrack));
    if (cells.every((c) => !c)) continue;
    const first = cells.find(Boolean);
    const last = [...cells].reverse().find(Boolean);
    const scaled = runs.length > 1 && first !== last ? ratio(last.p99, first.p99) : '—';
    const cell = (c, r) =>
      !c
        ? '—'
        : `${fmtMs(c.p99, r.params)} / ${fmtRps(c.rps)}${c.soloMs ? ` (alone ${fmt(c.soloMs)} ms)` : ''}`;
    const lastRun = runs[cells.lastIndexOf(last)];
    const scaledText =
      last?.p99 === Infinity && Number.isFinite(first?.p99)
        ? `> ${ratio(lastRun.params.duration * 1000, first.p99)}`
        : scaled;
    lines.push(
      `| ${SCENARIOS[id].title} | ${cells.map((c, i) => cell(c, runs[i])).join(' | ')} | ${scaledText} |`,
    );
  }
  lines.push('');
  lines.push(
    'Runs at different sizes happen at different times on a shared machine; only ratios within one run are free of that noise.',
  );
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------- one database at one size
async function benchOne(db, size, env) {
  const startedAt = new Date().toISOString();
  // Quick runs keep their own files, so they never replace a full run's tables.
  const name = `${db}-${size}${quick ? '-quick' : ''}`;
  const databaseUrl =
    db === 'sqlite'
      ? `sqlite:${resolve(DATA_DIR, `bench-${size}.sqlite`)}`
      : `${opt.pg}/claimtrack_bench_${size}`;
  log(
    `\n=== ${name}: generating ${size.toLocaleString('en-US')} claims (${db === 'sqlite' ? databaseUrl : databaseUrl.replace(/\/\/[^@]*@/, '//')})`,
  );
  const data = await generate({
    databaseUrl,
    claims: size,
    seed: opt.seed,
    appDir: resolve(APP_DIR, 'dist'),
    analyzeSqlite: opt.analyze,
    log,
  });
  log(`    ${JSON.stringify({ ...data, seconds: data.seconds.total })}`);
  const key = createKey(APP_DIR, databaseUrl, { name: 'bench-checker' });
  const q = await openQuery(databaseUrl);
  const servers = {};
  const run = {
    db,
    size,
    startedAt,
    env,
    command: process.argv.slice(2).join(' '),
    params: {
      rounds: opt.rounds,
      duration: opt.duration,
      warmup: opt.warmup,
      connections: opt.connections,
      analyze: opt.analyze,
    },
    data,
    scenarios: {},
    checks: [],
    lossless: [],
    memory: {},
  };
  try {
    const targets = await pickTargets(q, size, opt.seed);
    run.targets = {
      ...targets,
      detailPool: targets.detailPool.length,
      writePool: targets.writePool.length,
    };
    const wanted = new Set(opt.scenarios.flatMap((id) => SCENARIOS[id]?.servers ?? []));
    if (!opt.join) wanted.delete('limit-join');
    if (db !== 'postgres' || !opt.peer) wanted.delete('peer');
    log(`    starting ${[...wanted].join(', ')}`);
    const scripts = {
      // One load generator on one address would hit the per-key and per-address limits at once.
      claimtrack: [
        resolve(APP_DIR, 'dist', 'main.js'),
        { RATE_LIMIT_MAX: '0', RATE_LIMIT_ADDRESS_MAX: '0' },
      ],
      limit: [resolve(BENCH_DIR, 'raw-server.mjs'), { RAW_MODE: 'same' }],
      'limit-join': [resolve(BENCH_DIR, 'raw-server.mjs'), { RAW_MODE: 'join' }],
      peer: [resolve(BENCH_DIR, 'peer-server.mjs'), {}],
    };
    for (const server of wanted) {
      const [script, extra] = scripts[server];
      servers[server] = await startServer(
        server,
        script,
        { DATABASE_URL: databaseUrl, ...extra },
        name,
        key,
      );
    }
    const ct = servers.claimtrack.url;

    // ---- cursors and checks: the limit answers with Claimtrack's JSON, the peer with its ids
    const check = (what, ok) => {
      run.checks.push({ what, ok: Boolean(ok) });
      if (!ok) log(`    ✗ ${what}`);
    };
    const walk = async (url, make, id) => {
      let after = null;
      for (let i = 0; i < DEEP_PAGES; i++) {
        const json = await post(url, make(id, after), key);
        after = endCursor(json);
        if (!after) return null;
      }
      return after;
    };
    const speakerAfter = await walk(ct, claimtrack.speakerPage, targets.speakerId);
    const outletAfter = await walk(ct, claimtrack.outletPage, targets.outletId);
    const bodies = {
      1: claimtrack.queue(),
      2: claimtrack.speakerPage(targets.speakerId, speakerAfter),
      '2b': claimtrack.outletPage(targets.outletId, outletAfter),
      5: claimtrack.graph(targets.busyClaim),
    };
    check(
      `speaker ${targets.speakerId} and outlet ${targets.outletId} have ${DEEP_PAGES + 1} pages`,
      speakerAfter && outletAfter,
    );
    const same = async (label, body, other = 'limit') => {
      if (!servers[other]) return;
      const [a, b] = await Promise.all([post(ct, body, key), post(servers[other].url, body, key)]);
      const ok = isDeepStrictEqual(a, b) && !a.errors;
      check(
        `${label}: ${other === 'limit' ? 'the limit' : other} returns Claimtrack's JSON${ok ? ` (${JSON.stringify(a).length} bytes)` : ''}`,
        ok,
      );
      if (!ok) {
        writeFileSync(
          resolve(DATA_DIR, 'logs', `${name}-mismatch-${label.replace(/\W+/g, '_')}.json`),
          JSON.stringify({ claimtrack: a, other: b }, null, 1),
        );
      }
    };
    await same('queue', bodies[1]);
    await same('queue', bodies[1], 'limit-join');
    await same('speaker page', bodies[2]);
    await same('outlet page', bodies['2b']);
    await same('detail of the busy claim', claimtrack.detail(targets.busyClaim));
    for (const id of targets.detailPool.slice(0, 3))
      await same(`detail of claim ${id}`, claimtrack.detail(id));
    const graph = await post(ct, bodies[5], key);
    run.targets.graphNodes = graph?.data?.claimGraph?.nodes?.length ?? 0;
    check(
      `claimGraph around ${targets.busyClaim}: ${run.targets.graphNodes} nodes, ${graph?.data?.claimGraph?.edges?.length ?? 0} edges`,
      run.targets.graphNodes > 0,
    );
    let peerBodies = null;
    if (servers.peer) {
      const peerAfter = await walk(servers.peer.url, peer.speakerPage, targets.speakerId);
      peerBodies = { 1: peer.queue(), 2: peer.speakerPage(targets.speakerId, peerAfter) };
      const [q1, p1, q2, p2] = await Promise.all([
        post(ct, bodies[1], key),
        post(servers.peer.url, peerBodies[1]),
        post(ct, bodies[2], key),
        post(servers.peer.url, peerBodies[2]),
      ]);
      check(
        'the peer lists the same 50 claims in the queue',
        String(pageIds(q1)) === String(pageIds(p1)) && pageIds(p1)?.length === 50,
      );
      check(
        `the peer's speaker page ${DEEP_PAGES + 1} has the same claims`,
        String(pageIds(q2)) === String(pageIds(p2)) && pageIds(p2)?.length > 0,
      );
      const d = await post(servers.peer.url, peer.detail(targets.busyClaim));
      const c = await post(ct, claimtrack.detail(targets.busyClaim), key);
      const peerRelations =
        (d?.data?.claimById?.outgoing?.nodes?.length ?? 0) +
        (d?.data?.claimById?.incoming?.nodes?.length ?? 0);
      check(
        `the peer's detail has the same history and relations (${peerRelations})`,
        d?.data?.claimById?.statusChangesByClaimId?.nodes?.length ===
          c?.data?.claim?.statusHistory?.length &&
          peerRelations === c?.data?.claim?.relations?.length,
      );
    }
    if (servers.limit) {
      // One write each, then the same stale write to both: same answers, same CONFLICT.
      const p = targets.probe;
      const mutation = claimtrack.setStatus(p.id, p.alt, p.v0, 'bench: probe').query;
      const body = (status, version) => ({
        operationName: 'SetStatus',
        query: mutation,
        variables: {
          input: { claimId: String(p.id), status, expectedVersion: version, note: 'bench: probe' },
        },
      });
      const a = await post(ct, body(p.alt, p.v0), key);
      const b = await post(servers.limit.url, body(p.s0, p.v0 + 1), key);
      check(
        'a status change answers alike',
        a?.data?.updateVerificationStatus?.version === p.v0 + 1 &&
          b?.data?.updateVerificationStatus?.version === p.v0 + 2,
      );
      const [ca, cb] = await Promise.all([
        post(ct, body(p.alt, p.v0), key),
        post(servers.limit.url, body(p.alt, p.v0), key),
      ]);
      check(
        'a stale version gets the same CONFLICT from both',
        isDeepStrictEqual(ca, cb) && ca?.errors?.[0]?.extensions?.code === 'CONFLICT',
      );
    }

    // ---- the scenarios
    const common = (server) => ({
      url: servers[server].url,
      connections: opt.connections,
      headers: server === 'peer' ? {} : { authorization: `Bearer ${key}` },
    });
    const mutationQuery = claimtrack.setStatus(1, 'UNVERIFIED', 1, '').query;
    let writeTotals = null;
    for (const id of opt.scenarios) {
      const sc = SCENARIOS[id];
      if (!sc) throw new Error(`Unknown scenario ${id}`);
      const names = sc.servers.filter((s) => servers[s]);
      const isWrite = id === '4' || id === '4h';
      const pool = id === '4' ? targets.writePool : id === '4h' ? [targets.hot] : null;
      if (isWrite) writeTotals = { before: await writeState(q, pool), successes: 0, inflight: 0 };
      const spec = async (server, seed, duration) => {
        const base = { ...common(server), duration, seed };
        if (id === '3') {
          const make = server === 'peer' ? peer.detail : claimtrack.detail;
          return { ...base, mode: 'pool', bodies: targets.detailPool.map((c) => make(c)) };
        }
        if (isWrite)
          return {
            ...base,
            mode: id === '4h' ? 'hot' : 'mutation',
            query: mutationQuery,
            claims: await currentVersions(q, pool),
          };
        const body = server === 'peer' ? peerBodies[id] : bodies[id];
        return { ...base, mode: 'static', body };
      };
      // autocannon drops the requests still in flight when its time is up, but the server goes
      // on with them: one more request, answered after that backlog, keeps it out of the next
      // server's round.
      const dbName = db === 'postgres' ? new URL(databaseUrl).pathname.slice(1) : null;
      const settle = () =>
        quiesce(
          Object.values(servers).map((x) => x.pid),
          q,
          dbName,
        );
      const one = async (server) => {
        const body =
          id === '3'
            ? server === 'peer'
              ? peer.detail(targets.detailPool[0])
              : claimtrack.detail(targets.detailPool[0])
            : server === 'peer'
              ? peerBodies[id]
              : bodies[id];
        const t0 = Date.now();
        await Promise.race([
          post(servers[server].url, body, server === 'peer' ? null : key).catch(() => null),
          sleep(120_000),
        ]);
        return Date.now() - t0;
      };
      log(`--- ${name} · ${sc.title}`);
      const rounds = Object.fromEntries(names.map((s) => [s, []]));
      const tooSlow = {};
      for (const server of names) {
        const w = await load(await spec(server, 1, opt.warmup));
        await settle();
        if (isWrite) {
          writeTotals.successes += w.successes;
          writeTotals.inflight += w.inflight;
        } else if (w.requests === 0) {
          // Not one answer in the warm-up: time one request alone and skip the rounds (they
          // would only pile up minutes of work behind autocannon's back).
          tooSlow[server] = await one(server);
          await settle();
          log(
            `    ${server}: no answer in the ${opt.warmup} s warm-up; one request alone takes ${tooSlow[server]} ms: rounds skipped`,
          );
        }
      }
      for (let r = 0; r < opt.rounds; r++) {
        const order = names.map((_, i) => names[(i + r) % names.length]);
        for (const server of order) {
          if (tooSlow[server] !== undefined) continue;
          const result = await load(await spec(server, 100 + r, opt.duration));
          await settle();
          rounds[server].push(result);
          if (isWrite) {
            writeTotals.successes += result.successes;
            writeTotals.inflight += result.inflight;
          }
          log(
            `    round ${r + 1} ${server.padEnd(10)} ${fmt(result.rps).padStart(6)} req/s  p50 ${fmt(result.p50, 1).padStart(6)} ms  p99 ${fmt(result.p99, 1).padStart(7)} ms${result.gqlErrors ? `  ${result.gqlErrors} errors: ${result.sampleError}` : ''}${isWrite ? `  ok ${result.successes} conflicts ${result.conflicts}${result.otherErrors ? ` other ${result.otherErrors}: ${result.sampleError}` : ''}` : ''}`,
          );
        }
      }
      run.scenarios[id] = { servers: {} };
      for (const server of names) {
        const rs = rounds[server];
        const sum = (k) => rs.reduce((t, x) => t + (x[k] ?? 0), 0);
        run.scenarios[id].servers[server] = {
          rps: median(rs.map((x) => x.rps)),
          p50: median(rs.map((x) => x.p50)),
          p99: median(rs.map((x) => x.p99)),
          ...memory(servers[server].pid),
          gqlErrors: sum('gqlErrors'),
          errors: sum('errors'),
          timeouts: sum('timeouts'),
          non2xx: sum('non2xx'),
          ...(isWrite
            ? {
                successes: sum('successes'),
                conflicts: sum('conflicts'),
                otherErrors: sum('otherErrors'),
              }
            : {}),
          rounds: rs.map(({ rps, p50, p99, requests }) => ({ rps, p50, p99, requests })),
        };
      }
      for (const server of names) {
        const entry = run.scenarios[id].servers[server];
        if (tooSlow[server] !== undefined) entry.soloMs = tooSlow[server];
        else if (!(entry.rps > 0) && !isWrite) {
          entry.soloMs = await one(server); // nothing answered within a round: one request alone
          await settle();
        }
      }
      if (isWrite) {
        await settle(); // the answers autocannon dropped at the end have committed
        const after = await writeState(q, pool);
        run.lossless.push(
          losslessVerdict(
            id === '4h' ? 'hot claim' : 'random claims',
            writeTotals.before,
            after,
            writeTotals.successes,
            writeTotals.inflight,
          ),
        );
        log(`    lossless: ${run.lossless.at(-1).ok ? 'yes' : 'NO'} (${run.lossless.at(-1).what})`);
      }
    }
    for (const [server, s] of Object.entries(servers)) run.memory[server] = memory(s.pid);
  } finally {
    for (const s of Object.values(servers)) await stop(s.child);
    await q.close();
    if (!opt.keep) await dropDatabase(databaseUrl);
  }
  run.targetChecks = targetChecks(run);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const md = renderTable(run);
  writeFileSync(
    resolve(RESULTS_DIR, `${name}.md`),
    `# Claimtrack bench: ${name}\n\nReproduce: \`npm run bench -- ${process.argv.slice(2).join(' ')}\`\n\n${md}`,
  );
  writeFileSync(resolve(RESULTS_DIR, `${name}.json`), JSON.stringify(run, null, 1));
  log('\n' + md);
  return run;
}

// ---------------------------------------------------------------- main
function renderOnly() {
  for (const f of readdirSync(RESULTS_DIR).filter((x) => /^\w+-\d+\.json$/.test(x))) {
    const run = JSON.parse(readFileSync(resolve(RESULTS_DIR, f), 'utf8'));
    run.targetChecks = targetChecks(run);
    const name = f.replace(/\.json$/, '');
    writeFileSync(
      resolve(RESULTS_DIR, `${name}.md`),
      `# Claimtrack bench: ${name}\n\nReproduce: \`npm run bench -- ${run.command ?? ''}\`\n\n${renderTable(run)}`,
    );
  }
  for (const db of ['sqlite', 'postgres']) {
    const scaling = renderScaling(db);
    if (scaling)
      writeFileSync(
        resolve(RESULTS_DIR, `scaling-${db}.md`),
        `# Claimtrack bench: ${db} across sizes\n\n${scaling}`,
      );
  }
  log('Rewrote bench/results/*.md from the .json files');
}

async function main() {
  if (args.render) return renderOnly();
  const started = Date.now();
  ensureBenchDependencies(['autocannon', 'postgraphile', 'postgraphile-plugin-connection-filter']);
  await snapshotApp(APP_DIR);
  const git = spawnSync('git', ['describe', '--always', '--dirty'], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
  }).stdout.trim();
  const env = {
    node: process.versions.node,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model?.replace(/\s+/g, ' ').trim(),
    commit: git || 'unknown',
    drivers: driverVersions(),
  };
  log(
    `Claimtrack bench · ${env.commit} · Node ${env.node} · ${env.cpus} cores · sizes ${opt.sizes.join(', ')} · ${opt.dbs.join(', ')} · ${opt.rounds} × ${opt.duration} s`,
  );
  startLoader();
  const runs = [];
  try {
    for (const size of opt.sizes)
      for (const db of opt.dbs) runs.push(await benchOne(db, size, env));
  } finally {
    await cleanupChildren();
  }
  for (const db of opt.dbs) {
    const scaling = renderScaling(db);
    if (!scaling) continue;
    writeFileSync(
      resolve(RESULTS_DIR, `scaling-${db}.md`),
      `# Claimtrack bench: ${db} across sizes\n\n${scaling}`,
    );
    log('\n' + scaling);
  }
  log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s; results in bench/results/`);
  const failed = runs.flatMap((r) =>
    r.checks.filter((c) => !c.ok).concat(r.lossless.filter((l) => !l.ok)),
  );
  if (failed.length) {
    console.error(`${failed.length} check(s) failed: ${failed.map((f) => f.what).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch(async (error) => {
  console.error(error);
  await cleanupChildren();
  process.exit(1);
});
