#!/usr/bin/env node
// How long ingestBriefing takes to extract and commit a 200-item briefing, on SQLite and on
// PostgreSQL: the built service (dist/) in-process, a fresh database each, fresh urls each round.
//
//   npm run build && npm run bench:ingest [-- --items 200 --rounds 5 --db sqlite,postgres]
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_DIR, loadPg } from './lib/drivers.mjs';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    db: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const ITEMS = Number(args.items);
const ROUNDS = Number(args.rounds);
const dist = (path) => import(resolve(PROJECT_DIR, 'dist', path));

/** A briefing of ITEMS paragraphs drawn in turn from the development set's texts. */
function briefingText(round) {
  const dir = resolve(PROJECT_DIR, 'test/fixtures/briefings/dev');
  const paragraphs = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) =>
      readFileSync(resolve(dir, name), 'utf8')
        .split(/\n\s*\n/)
        .slice(1),
    );
  const items = [`Bench live briefing, round ${round}`];
  for (let i = 0; items.length < ITEMS; i++) items.push(paragraphs[i % paragraphs.length]);
  return items.join('\n\n');
}

async function measure(databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.NODE_ENV = 'production';
  const { NestFactory } = await import(resolve(PROJECT_DIR, 'node_modules/@nestjs/core/index.js'));
  const { Module } = await import(resolve(PROJECT_DIR, 'node_modules/@nestjs/common/index.js'));
  const { ConfigModule } = await dist('config/config.module.js');
  const { DatabaseModule } = await dist('database/database.module.js');
  const { DatabaseMaintenance } = await dist('database/database-maintenance.js');
  const { IngestionModule } = await dist('ingestion/ingestion.module.js');
  const { IngestionService } = await dist('ingestion/ingestion.service.js');
  const { extractBriefing } = await dist('ingestion/extraction/extract-briefing.js');

  class BenchModule {}
  Module({ imports: [ConfigModule, DatabaseModule, IngestionModule] })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  await app.get(DatabaseMaintenance).migrate();
  const ingestion = app.get(IngestionService);
  const rows = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const text = briefingText(round);
    const input = {
      text,
      title: `Bench ${round}`,
      url: `https://bench.example/live/${Date.now()}-${round}`,
      outletName: 'Bench Wire',
    };
    const extractStart = performance.now();
    extractBriefing(text);
    const extractMs = performance.now() - extractStart;
    const start = performance.now();
    const answer = await ingestion.ingest(input, 'bench');
    const totalMs = performance.now() - start;
    // Round 0 warms the JIT and the connections; it is not reported.
    if (round > 0)
      rows.push({
        totalMs,
        extractMs,
        claims: answer.claims.length,
        relations: answer.relations.length,
      });
  }
  await app.close();
  return rows;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const lines = [
  `# Ingestion of a ${ITEMS}-item briefing (${ROUNDS} rounds after a warm-up; medians)`,
  '',
  '| database | claims | relations | extraction ms | extraction + commit ms | max ms |',
  '|---|---:|---:|---:|---:|---:|',
];
for (const db of args.db.split(',')) {
  let url;
  let cleanup;
  if (db === 'sqlite') {
    const dir = mkdtempSync(resolve(tmpdir(), 'claimtrack-ingest-'));
    url = `sqlite:${resolve(dir, 'bench.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `claimtrack_ingest_${process.pid}`;
    const admin = new (loadPg().Client)({ connectionString: `${args.pg}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    url = `${args.pg}/${name}`;
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  try {
    const rows = await measure(url);
    lines.push(
      `| ${db} | ${rows[0].claims} | ${rows[0].relations} | ${median(rows.map((r) => r.extractMs)).toFixed(0)} | ${median(rows.map((r) => r.totalMs)).toFixed(0)} | ${Math.max(...rows.map((r) => r.totalMs)).toFixed(0)} |`,
    );
  } finally {
    await cleanup();
  }
}
lines.push('', `Node ${process.version}; \`npm run bench:ingest\`.`);
const table = lines.join('\n');
console.log(table);
mkdirSync(resolve(PROJECT_DIR, 'bench/results'), { recursive: true });
writeFileSync(resolve(PROJECT_DIR, 'bench/results/ingestion.md'), `${table}\n`);
