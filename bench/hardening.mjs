#!/usr/bin/env node
// npm run bench:hardening [-- --db sqlite,postgres] [--duration 60] [--connections 50]
//                           [--claims 10000] [--rejected 10000] [--rss-batches 3] [--samples 200]
//                           [--kinds depth,aliases,…] [--seed 42]
//
// Figures for the limits and for load, on the built server (a snapshot of dist/) in production
// mode, on a generated database (bench/generate.mjs) per database:
//   (a) each kind of hostile request (depth, aliases, tokens, cost, a batch, an oversized body)
//       answered with its refusal: latency p50/p99 per kind over --samples sequential requests
//       (must be < 50 ms), and the server's RSS before and after --rejected refused requests
//       (must grow by less than 50 MB), then --rss-batches - 1 more batches to see whether it
//       levels off;
//   (b) a --duration s read-mostly mix at --connections connections with autocannon: claims
//       pages, claim detail, the unverified queue and ~5% status changes (versions tracked, so
//       each one is allowed): errors, req/s, p50/p99.
// Rate limiting is turned off (RATE_LIMIT_MAX=0, RATE_LIMIT_ADDRESS_MAX=0): one client from one
// address is the whole load here, and the figures are of the server, not of the limiter.
// Tables go to bench/results/hardening-<db>.md (and .json) and are printed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { resolve } from 'node:path';
import { dropDatabase, generate } from './generate.mjs';
import { createKey, ensureBenchDependencies, freePort, sleep, snapshotApp } from './lib/app.mjs';
import { BENCH_DIR, PROJECT_DIR } from './lib/drivers.mjs';
import { parseArgs } from './lib/args.mjs';
import { seededRandom } from './lib/random.mjs';
import { claimtrack, OPEN_STATUSES, PAGE } from './queries.mjs';

const args = parseArgs(process.argv.slice(2));
const opt = {
  dbs: String(args.db ?? 'sqlite,postgres').split(','),
  duration: Number(args.duration ?? 60),
  connections: Number(args.connections ?? 50),
  claims: Number(args.claims ?? 10000),
  rejected: Number(args.rejected ?? 10000),
  samples: Number(args.samples ?? 200),
  rssBatches: Number(args['rss-batches'] ?? 3),
  // Only the kinds whose names contain one of these words (all by default).
  kinds: args.kinds ? String(args.kinds).split(',') : null,
  seed: Number(args.seed ?? 42),
  pg: String(args.pg ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, ''),
  keep: Boolean(args.keep),
};
const RESULTS_DIR = resolve(BENCH_DIR, 'results');
const DATA_DIR = resolve(BENCH_DIR, 'data');
const APP_DIR = resolve(DATA_DIR, 'hardening-app');
const LATENCY_BUDGET_MS = 50;
const RSS_BUDGET_MB = 50;
const log = (...parts) => console.log(...parts);

const SERVER_ENV = { NODE_ENV: 'production', RATE_LIMIT_MAX: '0', RATE_LIMIT_ADDRESS_MAX: '0' };

async function startServer(databaseUrl, logName) {
  const port = await freePort();
  mkdirSync(resolve(DATA_DIR, 'logs'), { recursive: true });
  const logPath = resolve(DATA_DIR, 'logs', `hardening-${logName}.log`);
  const out = createWriteStream(logPath);
  const child = spawn(process.execPath, [resolve(APP_DIR, 'dist', 'main.js')], {
    cwd: PROJECT_DIR,
    env: { ...process.env, ...SERVER_ENV, PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited; see ${logPath}`);
    try {
      if ((await fetch(`${base}/health/ready`)).status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`The server did not start in 90 s; see ${logPath}`);
    await sleep(200);
  }
  return {
    child,
    url: `${base}/graphql`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const exited = await Promise.race([
        new Promise((r) => child.once('exit', () => r(true))),
        sleep(10_000).then(() => false),
      ]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)[1]) / 1024;
}

const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;

// ---------------------------------------------------------------- (a) hostile requests
function nested(levels) {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `relations { from { ${selection} } }`;
  return `{ claim(id: "1") { ${selection} } }`;
}

/** Each kind: the raw body to send and how to tell its refusal. */
function violations() {
  const padding = Array.from({ length: 5000 }, () => 'id').join(' ');
  const limitReason = (reason) => (status, json) =>
    json?.errors?.some(
      (e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED' && e.extensions?.reason === reason,
    );
  return [
    {
      kind: 'depth (13 levels)',
      body: JSON.stringify({ query: nested(7) }),
      refused: limitReason('MAX_DEPTH'),
    },
    {
      kind: 'aliases (16)',
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: briefings(first: 1) { totalCount }`).join(' ')} }`,
      }),
      refused: limitReason('MAX_ALIASES'),
    },
    {
      kind: 'tokens (> 5,000)',
      body: JSON.stringify({ query: `{ briefings(first: 1) { edges { node { ${padding} } } } }` }),
      refused: limitReason('MAX_TOKENS'),
    },
    {
      kind: 'cost (100 × 100 pages)',
      body: JSON.stringify({
        query: `{ claims(first: 100) { edges { node { speaker { claims(first: 100) { edges { node { id } } } } } } } }`,
      }),
      refused: limitReason('MAX_COST'),
    },
    {
      kind: 'batch (2 operations)',
      body: JSON.stringify([
        { query: '{ briefings(first: 1) { totalCount } }' },
        { query: '{ briefings(first: 1) { totalCount } }' },
      ]),
      refused: (status, json) => status === 400 || json?.errors?.length > 0,
    },
    {
      kind: 'body of 1.1 MB (over BODY_LIMIT, 413 from its first bytes)',
      body: JSON.stringify({
        query: '{ briefings(first: 1) { totalCount } }',
        variables: { pad: 'x'.repeat(1_100_000) },
      }),
      refused: (status) => status === 413,
    },
    {
      // Headers announcing 6 MB (over the ingestion allowance, 5 MiB by default) and the first
      // 64 KiB only: Fastify answers 413 before the rest is sent.
      kind: 'body of 6 MB announced (413 before it is read)',
      raw: { contentLength: 6_000_000, sent: 65_536 },
      refused: (status) => status === 413,
    },
  ];
}

/** Sends the headers of an oversized body and a first part of it; times the answer. */
function sendOversized(url, key, { contentLength, sent }) {
  const { hostname, port, pathname } = new URL(url);
  const started = performance.now();
  return new Promise((resolveSend) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    const finish = (status) => {
      socket.destroy();
      resolveSend({ ms: performance.now() - started, status, json: null });
    };
    socket.setTimeout(10_000, () => finish(-1));
    socket.on('error', () => finish(answer ? Number(answer.split(' ')[1]) : -1));
    socket.on('close', () => finish(answer ? Number(answer.split(' ')[1]) : -1));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) finish(Number(answer.split(' ')[1]));
    });
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\ncontent-type: application/json\r\n` +
        `authorization: Bearer ${key}\r\ncontent-length: ${contentLength}\r\n\r\n` +
        `{"query":"{ __typename }","variables":{"pad":"${'x'.repeat(sent - 45)}`,
    );
  });
}

async function send(url, key, body) {
  if (typeof body === 'object') return sendOversized(url, key, body);
  const started = performance.now();
  let status;
  let json = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body,
    });
    status = response.status;
    const text = await response.text();
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  } catch {
    status = -1; // the server closed the connection (an oversized body may end that way)
  }
  return { ms: performance.now() - started, status, json };
}

async function measureViolations(server, key) {
  const kinds = violations().filter(
    (v) => !opt.kinds || opt.kinds.some((word) => v.kind.includes(word)),
  );
  const rows = [];
  for (const v of kinds) {
    for (let i = 0; i < 10; i++) await send(server.url, key, v.body ?? v.raw); // warm-up
    const times = [];
    let refused = 0;
    for (let i = 0; i < opt.samples; i++) {
      const r = await send(server.url, key, v.body ?? v.raw);
      times.push(r.ms);
      if (v.refused(r.status, r.json)) refused++;
    }
    times.sort((a, b) => a - b);
    rows.push({
      kind: v.kind,
      samples: opt.samples,
      refused,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
    });
  }
  const rssIdle = rssMb(server.child.pid);
  // Every kind at the measured concurrency once, so buffers and compiled code are in place.
  await rejectMany(server, key, kinds, 1000);
  await sleep(2000);
  const rssBefore = rssMb(server.child.pid);
  const started = Date.now();
  const refused = await rejectMany(server, key, kinds, opt.rejected);
  const seconds = (Date.now() - started) / 1000;
  await sleep(2000);
  const rssAfter = rssMb(server.child.pid);
  // More batches of the same: growth that levels off is the heap finding its size, growth that
  // goes on batch after batch would be a leak.
  const series = [rssAfter];
  for (let batch = 1; batch < opt.rssBatches; batch++) {
    await rejectMany(server, key, kinds, opt.rejected);
    await sleep(2000);
    series.push(rssMb(server.child.pid));
  }
  return {
    rows,
    memory: { rejected: opt.rejected, refused, seconds, rssIdle, rssBefore, rssAfter, series },
  };
}

async function rejectMany(server, key, kinds, count) {
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < count) {
      const v = kinds[next++ % kinds.length];
      const r = await send(server.url, key, v.body ?? v.raw);
      if (v.refused(r.status, r.json)) refused++;
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return refused;
}

// ---------------------------------------------------------------- (b) read-mostly mix
async function targets(server, key) {
  const ids = [];
  let after = null;
  for (let page = 0; page < 5; page++) {
    const r = await send(
      server.url,
      key,
      JSON.stringify({
        query: `query ($after: String) { unverifiedClaims(first: 100, after: $after) { pageInfo { endCursor } edges { node { id version status } } } }`,
        variables: { after },
      }),
    );
    const connection = r.json.data.unverifiedClaims;
    ids.push(...connection.edges.map((e) => e.node));
    after = connection.pageInfo.endCursor;
  }
  return ids;
}

async function mixedLoad(server, key, pool) {
  const require = createRequire(resolve(BENCH_DIR, 'package.json'));
  const autocannon = require('autocannon');
  const random = seededRandom(opt.seed);
  const detail = pool.slice(0, 250).map((c) => c.id);
  const writable = pool.slice(250).map((c) => ({ ...c, busy: false }));
  const counts = {
    pages: 0,
    detail: 0,
    queue: 0,
    writes: 0,
    conflicts: 0,
    errors: 0,
    sampleError: null,
  };
  const page = JSON.stringify({
    query: `query Page($first: Int!) { claims(first: $first) { pageInfo { hasNextPage endCursor } edges { node { id text status version createdAt speaker { id name } reportedBy { id name } briefing { id title } } } } }`,
    variables: { first: PAGE },
  });
  const queue = JSON.stringify(claimtrack.queue());
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    connections: opt.connections,
    duration: opt.duration,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [
      {
        setupRequest: (req, context) => {
          const roll = random();
          context.claim = null;
          if (roll < 0.05) {
            const claim =
              writable.find((c) => !c.busy && random() < 0.2) ?? writable.find((c) => !c.busy);
            if (claim) {
              claim.busy = true;
              context.claim = claim;
              context.kind = 'writes';
              const status = OPEN_STATUSES.filter((s) => s !== claim.status)[
                Math.floor(random() * 4)
              ];
              context.status = status;
              return {
                ...req,
                body: JSON.stringify(
                  claimtrack.setStatus(claim.id, status, claim.version, 'bench'),
                ),
              };
            }
          }
          if (roll < 0.4) {
            context.kind = 'pages';
            return { ...req, body: page };
          }
          if (roll < 0.75) {
            context.kind = 'detail';
            return {
              ...req,
              body: JSON.stringify(claimtrack.detail(detail[Math.floor(random() * detail.length)])),
            };
          }
          context.kind = 'queue';
          return { ...req, body: queue };
        },
        onResponse: (status, body, context) => {
          counts[context.kind]++;
          const claim = context.claim;
          let json = null;
          try {
            json = JSON.parse(body);
          } catch {
            /* counted below */
          }
          if (claim) {
            claim.busy = false;
            const update = json?.data?.updateVerificationStatus;
            if (update) {
              claim.version = update.version;
              claim.status = context.status;
            } else if (json?.errors?.[0]?.extensions?.code === 'CONFLICT') {
              counts.conflicts++;
              claim.version = json.errors[0].extensions.currentVersion ?? claim.version;
              return;
            }
          }
          if (status !== 200 || !json?.data || json.errors) {
            counts.errors++;
            counts.sampleError ??= `${status} ${String(body).slice(0, 300)}`;
          }
        },
      },
    ],
  });
  // Unanswered requests when the time ran out leave their claims busy; nothing else to undo.
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    ...counts,
  };
}

// ---------------------------------------------------------------- report
const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');

function render(db, r) {
  const lines = [
    `# Hardening figures: ${db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${opt.claims.toLocaleString('en')} generated claims`,
    '',
    `${new Date().toISOString()}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; ` +
      `the built server in production mode, rate limiting off (one client is the whole load). ` +
      `\`npm run bench:hardening -- --db ${db}\`.`,
    '',
    `## (a) Refusals: latency per kind (${opt.samples} sequential requests each, after 10 of warm-up)`,
    '',
    '| violation | refused | p50 ms | p99 ms | < 50 ms |',
    '| --- | --- | --- | --- | --- |',
    ...r.violations.rows.map(
      (row) =>
        `| ${row.kind} | ${row.refused}/${row.samples} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${row.p99 < LATENCY_BUDGET_MS ? 'yes' : '**no**'} |`,
    ),
    '',
    `Memory: RSS ${fmt(r.violations.memory.rssIdle)} MB idle after the latency samples, ` +
      `${fmt(r.violations.memory.rssBefore)} MB after a warm-up of 1,000 refusals and ${fmt(r.violations.memory.rssAfter)} MB after ` +
      `${r.violations.memory.rejected.toLocaleString('en')} refused requests (10 connections, every kind in turn, ` +
      `${fmt(r.violations.memory.seconds)} s; ${r.violations.memory.refused.toLocaleString('en')} answered with the refusal): ` +
      `${fmt(r.violations.memory.rssAfter - r.violations.memory.rssBefore)} MB more ` +
      `(${r.violations.memory.rssAfter - r.violations.memory.rssBefore < RSS_BUDGET_MB ? 'within' : '**over**'} the 50 MB budget).`,
    '',
    `RSS after each batch of ${r.violations.memory.rejected.toLocaleString('en')} refusals: ` +
      `${r.violations.memory.series.map((v) => `${fmt(v)} MB`).join(', ')}.`,
    '',
    `## (b) Read-mostly mix: ${opt.duration} s at ${opt.connections} connections (autocannon)`,
    '',
    'Mix: 35% claims pages (50 claims with speaker, outlets, briefing), 35% claim detail (history, relations, counter-claims), 25% the unverified queue (50), 5% status changes (expected version tracked).',
    '',
    '| requests | req/s | p50 ms | p99 ms | errors | CONFLICT | non-2xx | socket errors | timeouts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.load.requests} | ${fmt(r.load.rps, 0)} | ${r.load.p50} | ${r.load.p99} | ${r.load.errors} | ${r.load.conflicts} | ${r.load.non2xx} | ${r.load.socketErrors} | ${r.load.timeouts} |`,
    '',
    `Answered by kind: ${r.load.pages} pages, ${r.load.detail} details, ${r.load.queue} queues, ${r.load.writes} status changes.` +
      (r.load.sampleError ? ` First error: \`${r.load.sampleError.replace(/`/g, "'")}\`` : ''),
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- main
ensureBenchDependencies(['autocannon']);
await snapshotApp(APP_DIR);
mkdirSync(RESULTS_DIR, { recursive: true });
let failed = false;
for (const db of opt.dbs) {
  const databaseUrl =
    db === 'sqlite'
      ? `sqlite:${resolve(DATA_DIR, `hardening-${opt.claims}.sqlite`)}`
      : `${opt.pg}/claimtrack_bench_hardening_${opt.claims}`;
  log(`\n== ${db}: generating ${opt.claims} claims`);
  await generate({
    databaseUrl,
    claims: opt.claims,
    seed: opt.seed,
    appDir: resolve(APP_DIR, 'dist'),
    log: () => {},
  });
  const key = createKey(APP_DIR, databaseUrl, { name: `hardening-${Date.now()}`, env: SERVER_ENV });
  const server = await startServer(databaseUrl, db);
  try {
    log(`== ${db}: hostile requests`);
    const violationFigures = await measureViolations(server, key);
    log(`== ${db}: ${opt.duration} s mixed load at ${opt.connections} connections`);
    const pool = await targets(server, key);
    const load = await mixedLoad(server, key, pool);
    const report = { db, options: opt, violations: violationFigures, load };
    const md = render(db, report);
    writeFileSync(resolve(RESULTS_DIR, `hardening-${db}.md`), md);
    writeFileSync(resolve(RESULTS_DIR, `hardening-${db}.json`), JSON.stringify(report, null, 2));
    log(`\n${md}`);
    const slow = violationFigures.rows.filter(
      (row) => !(row.p99 < LATENCY_BUDGET_MS) || row.refused !== row.samples,
    );
    const grown = violationFigures.memory.rssAfter - violationFigures.memory.rssBefore;
    if (slow.length || grown >= RSS_BUDGET_MB || load.errors > 0) failed = true;
  } finally {
    await server.stop();
    if (!opt.keep) await dropDatabase(databaseUrl).catch(() => undefined);
  }
}
process.exit(failed ? 1 : 0);
