#!/usr/bin/env node
// Export throughput and memory: generates N claims with bench/generate.mjs, then runs
// `node dist/cli.js export` once per format, a process of its own each, and reports wall
// seconds, output MB/s and the process's peak RSS. Memory must stay flat as N grows.
//
//   npm run build && npm run bench:export                           # 10k and 100k, both databases
//   npm run bench:export -- --sizes 10000,100000,1000000 --db sqlite
//   npm run bench:export -- --keep                                  # keep the databases
//
// Databases: PostgreSQL claimtrack_export_<size> on --pg (default postgres://postgres@127.0.0.1:5432),
// SQLite bench/data/export-<size>.sqlite; recreated per run and dropped at its end unless --keep.
// Results: a markdown table on stdout and in results/export-<db>-<sizes>.md (rows in .json).
// --formats picks some of graphml,gexf,csv.zip,json,jsonld (default all).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropDatabase, generate } from './generate.mjs';
import { parseArgs } from './lib/args.mjs';
import { BENCH_DIR, PROJECT_DIR } from './lib/drivers.mjs';

const ALL_FORMATS = 'graphml,gexf,csv.zip,json,jsonld';

const DEFAULTS = {
  sizes: '10000,100000',
  formats: ALL_FORMATS,
  db: 'sqlite,postgres',
  pg: 'postgres://postgres@127.0.0.1:5432',
};

function databaseUrl(db, size, pg) {
  return db === 'sqlite'
    ? `sqlite:${resolve(BENCH_DIR, 'data', `export-${size}.sqlite`)}`
    : `${pg}/claimtrack_export_${size}`;
}

/** One export in its own process: seconds, bytes and the peak RSS it reported. */
function runExport(url, format, out) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [resolve(PROJECT_DIR, 'dist/cli.js'), 'export', '--format', format, '--out', out],
      {
        cwd: PROJECT_DIR,
        env: {
          ...process.env,
          DATABASE_URL: url,
          NODE_ENV: 'production',
          NODE_OPTIONS: `--expose-gc --require ${resolve(BENCH_DIR, 'lib/report-rss.cjs')}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return fail(new Error(`export ${format} exited ${code}: ${stderr}`));
      const memory = /BENCH_MAX_RSS_KB (\d+) BENCH_LIVE_HEAP_KB (\d+)/.exec(stderr);
      const counts = /: (\d+) nodes, (\d+) edges, (\d+) bytes/.exec(stdout);
      const bytes = statSync(out).size;
      done({
        format,
        seconds,
        bytes,
        nodes: Number(counts?.[1]),
        edges: Number(counts?.[2]),
        mbPerSecond: bytes / 1e6 / seconds,
        peakRssMb: Number(memory?.[1]) / 1024,
        liveHeapMb: Number(memory?.[2]) / 1024,
      });
    });
  });
}

function table(rows) {
  const lines = [
    '| database | claims | format | nodes | edges | MB | seconds | MB/s | peak RSS MB | live heap MB |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.db} | ${r.claims} | ${r.format} | ${r.nodes} | ${r.edges} | ${(r.bytes / 1e6).toFixed(1)} | ` +
        `${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(1)} | ${r.peakRssMb.toFixed(0)} | ${r.liveHeapMb.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

const args = { ...DEFAULTS, ...parseArgs(process.argv.slice(2)) };
if (args.help) {
  console.log(
    'node bench/export.mjs [--sizes 10000,100000] [--db sqlite,postgres] [--pg URL] [--keep]',
  );
  process.exit(0);
}
const sizes = args.sizes.split(',').map(Number);
const formats = args.formats.split(',');
/** One results file per database and set of sizes, so a 1M run does not replace the 10k/100k one. */
const resultName = (db) =>
  `export-${db}-${sizes.map((n) => (n >= 1e6 ? `${n / 1e6}m` : `${n / 1e3}k`)).join('-')}`;
const out = mkdtempSync(join(tmpdir(), 'claimtrack-export-bench-'));
mkdirSync(resolve(BENCH_DIR, 'results'), { recursive: true });
try {
  for (const db of args.db.split(',')) {
    const rows = [];
    for (const size of sizes) {
      const url = databaseUrl(db, size, args.pg);
      console.error(`${db} ${size}: generating…`);
      const generated = await generate({ databaseUrl: url, claims: size, log: console.error });
      console.error(`  generated in ${generated.seconds.total.toFixed(1)} s`);
      try {
        for (const format of formats) {
          const row = await runExport(url, format, join(out, `graph.${format}`));
          rows.push({ db, claims: size, ...row });
          console.error(
            `  ${format}: ${row.seconds.toFixed(2)} s, ${row.peakRssMb.toFixed(0)} MB peak RSS, ${row.liveHeapMb.toFixed(1)} MB live heap`,
          );
          rmSync(join(out, `graph.${format}`), { force: true });
        }
      } finally {
        if (!args.keep) await dropDatabase(url);
      }
    }
    const markdown =
      `# Export benchmark: ${db}\n\n` +
      `\`npm run bench:export -- --sizes ${args.sizes} --db ${db} --formats ${args.formats}\` on ${new Date().toISOString().slice(0, 10)}; ` +
      'each export is one `claimtrack export` process over the whole database (no filter). ' +
      'Peak RSS is the process maximum (it mostly shows how lazily V8 collects); live heap is the ' +
      'largest heap left after a forced full collection, sampled every second: the memory the ' +
      'export really holds, which must not grow with the number of claims. Other jobs shared ' +
      'the 2 cores, so seconds are noisy. JSON-LD reads the nodes only (its links are properties ' +
      'of the nodes), hence 0 edges; csv.zip MB/s is of the compressed file.\n\n' +
      `${table(rows)}\n`;
    writeFileSync(resolve(BENCH_DIR, 'results', `${resultName(db)}.md`), markdown);
    writeFileSync(
      resolve(BENCH_DIR, 'results', `${resultName(db)}.json`),
      `${JSON.stringify(rows, null, 2)}\n`,
    );
    console.log(markdown);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
