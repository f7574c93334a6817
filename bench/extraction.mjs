#!/usr/bin/env node
// The claim extractor's two benches, over the built extractor (dist/, after `npm run build`):
//
//   node bench/extraction.mjs speed [--mb 5] [--runs 3]
//     MB/s of briefing text on one core: one large briefing made of the sample's and the dev
//     set's items, shuffled with a seeded PRNG and repeated to --mb megabytes.
//
//   node bench/extraction.mjs score [--scorer PATH] [--seed DIR] [--json]
//     Runs the extractor over the sample and every dev/ and holdout/ briefing, scores each with
//     the shared scorer, and prints a markdown table per set with micro and macro aggregates.
//     The scorer is EXTRACTION_SCORER or --scorer, by default ../shared/extraction/score.mjs
//     beside the project; the sample is EXTRACTION_SEED or --seed (../shared/seed).
import { readFileSync } from 'node:fs';
import { parseArgs } from './lib/args.mjs';
import { briefingSets, fail, loadExtraction, loadScorer } from './lib/briefings.mjs';
import { seededRandom } from './lib/random.mjs';

const loadExtractor = async () => (await loadExtraction('extract-briefing.js')).extractBriefing;
const sets = (args) => briefingSets(args.seed);

async function speed(args) {
  const extractBriefing = await loadExtractor();
  const targetMb = Number(args.mb ?? 5);
  const runs = Number(args.runs ?? 3);
  const texts = [...sets(args)[0][1], ...sets(args)[1][1]].map((b) => readFileSync(b.text, 'utf8'));
  if (!texts.length) fail('no sample or dev briefing to build the large briefing from');
  const items = texts.flatMap((t) => t.split(/\n[ \t]*\n/).filter((s) => s.trim()));
  const random = seededRandom(20230914);
  const parts = [];
  let bytes = 0;
  while (bytes < targetMb * 1e6) {
    const item = items[Math.floor(random() * items.length)];
    parts.push(item);
    bytes += Buffer.byteLength(item) + 2;
  }
  const text = parts.join('\n\n');
  const mb = Buffer.byteLength(text) / 1e6;
  extractBriefing(texts.join('\n\n')); // warm up the JIT on the real texts
  const results = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const out = extractBriefing(text);
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    results.push({
      wall,
      cpu: (cpu.user + cpu.system) / 1e6,
      claims: out.claims.length,
      relations: out.relations.length,
    });
  }
  const best = results.reduce((a, b) => (a.wall <= b.wall ? a : b));
  console.log(
    `| large briefing | ${mb.toFixed(2)} MB, ${parts.length} items, ${best.claims} claims, ${best.relations} relations |`,
  );
  console.log('| --- | --- |');
  for (const [k, r] of results.entries()) {
    console.log(
      `| run ${k + 1} | ${r.wall.toFixed(2)} s wall (${(mb / r.wall).toFixed(2)} MB/s), ${r.cpu.toFixed(2)} s CPU (${(mb / r.cpu).toFixed(2)} MB/s) |`,
    );
  }
  console.log(
    `| best | **${(mb / best.wall).toFixed(2)} MB/s** wall on one core (the extractor is synchronous) |`,
  );
}

const pct = (x) => (x === null || Number.isNaN(x) ? '—' : (100 * x).toFixed(1));
const f1 = (tp, pred, gold) => {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

async function scoreAll(args) {
  const score = await loadScorer(args.scorer);
  const extractBriefing = await loadExtractor();
  const summary = {};
  for (const [set, briefings] of sets(args)) {
    if (!briefings.length) {
      console.log(`\n### ${set}\n\n(no briefings)\n`);
      continue;
    }
    const rows = [];
    for (const b of briefings) {
      const gold = JSON.parse(readFileSync(b.gold, 'utf8'));
      const pred = extractBriefing(readFileSync(b.text, 'utf8'));
      rows.push({ name: b.name, s: score(gold, pred) });
    }
    const sum = (get) => rows.reduce((a, r) => a + get(r.s), 0);
    const matched = sum((s) => s.claims.tp);
    const micro = {
      claims: f1(
        matched,
        sum((s) => s.claims.predicted),
        sum((s) => s.claims.gold),
      ),
      full: f1(
        sum((s) => s.fullyCorrect.tp),
        sum((s) => s.fullyCorrect.predicted),
        sum((s) => s.fullyCorrect.gold),
      ),
      speaker: matched ? sum((s) => s.speakerAccuracy * s.claims.tp) / matched : 0,
      outlet: matched ? sum((s) => s.outletAccuracy * s.claims.tp) / matched : 0,
      verification: matched ? sum((s) => s.verificationAccuracy * s.claims.tp) / matched : 0,
      relations: f1(
        sum((s) => s.relations.tp),
        sum((s) => s.relations.predicted),
        sum((s) => s.relations.gold),
      ),
    };
    const mean = (get) => sum(get) / rows.length;
    const macro = {
      claims: {
        p: mean((s) => s.claims.precision),
        r: mean((s) => s.claims.recall),
        f1: mean((s) => s.claims.f1),
      },
      full: { f1: mean((s) => s.fullyCorrect.f1) },
      speaker: mean((s) => s.speakerAccuracy),
      outlet: mean((s) => s.outletAccuracy),
      verification: mean((s) => s.verificationAccuracy),
      relations: { f1: mean((s) => s.relations.f1) },
    };
    summary[set] = { micro, macro, briefings: rows.length };
    console.log(`\n### ${set} (${rows.length} briefing${rows.length === 1 ? '' : 's'})\n`);
    console.log(
      '| briefing | claim P | claim R | claim F1 | fully-correct F1 | speaker acc | outlet acc | verification acc | relation F1 |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    // The held-out set is the unseen check: only its aggregates are shown.
    for (const { name, s } of set === 'holdout' ? [] : rows) {
      console.log(
        `| ${name} | ${pct(s.claims.precision)} | ${pct(s.claims.recall)} | ${pct(s.claims.f1)} | ${pct(s.fullyCorrect.f1)} | ${pct(s.speakerAccuracy)} | ${pct(s.outletAccuracy)} | ${pct(s.verificationAccuracy)} | ${pct(s.relations.f1)} |`,
      );
    }
    for (const [label, a] of [
      ['**micro**', micro],
      ['**macro**', macro],
    ]) {
      console.log(
        `| ${label} | ${pct(a.claims.p)} | ${pct(a.claims.r)} | ${pct(a.claims.f1)} | ${pct(a.full.f1)} | ${pct(a.speaker)} | ${pct(a.outlet)} | ${pct(a.verification)} | ${pct(a.relations.f1)} |`,
      );
    }
  }
  if (args.json) console.log(`\n${JSON.stringify(summary, null, 2)}`);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'speed') await speed(parseArgs(rest));
else if (mode === 'score') await scoreAll(parseArgs(rest));
else
  fail(
    'usage: extraction.mjs speed [--mb N] [--runs N] | score [--scorer PATH] [--seed DIR] [--json]',
  );
