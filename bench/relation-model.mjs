#!/usr/bin/env node
// Fits the claim extractor's relation model: logistic-regression weights over the pair features
// of src/ingestion/extraction/relations.ts (PAIR_FEATURES), on the sample and the dev briefings.
// Never on holdout/.
//
//   npm run build && node bench/relation-model.mjs [--l2 0.01] [--iterations 4000]
//
// A candidate pair is every pair the extractor scores; it is positive when both claims matched
// gold claims (the scorer's matching: same item, span token-F1 >= 0.5, best first, one to one)
// and the gold links those two. It prints a leave-one-briefing-out check at several thresholds
// (relation F1 of the whole extractor, scored by the shared scorer, on each briefing left out of
// the fit), then the weights fitted on all of them, to paste into RELATION_WEIGHTS.
import { readFileSync } from 'node:fs';
import { parseArgs } from './lib/args.mjs';
import { briefingSets, loadExtraction, loadScorer } from './lib/briefings.mjs';

const args = parseArgs(process.argv.slice(2));
const l2 = Number(args.l2 ?? 0.01);
const iterations = Number(args.iterations ?? 4000);
const thresholds = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

const { extractBriefing } = await loadExtraction('extract-briefing.js');
const { PAIR_FEATURES, tokenF1 } = await loadExtraction('relations.js');
const score = await loadScorer(args.scorer);

const words = (s) =>
  (s || '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Predicted claim id → gold claim id, as the scorer matches them. */
function matchClaims(gold, pred) {
  const pairs = [];
  for (const g of gold.claims)
    for (const p of pred.claims) {
      if (g.item !== p.item) continue;
      const o = tokenF1(words(g.span), words(p.span));
      if (o >= 0.5) pairs.push({ g, p, o });
    }
  pairs.sort((x, y) => y.o - x.o);
  const usedG = new Set();
  const out = new Map();
  for (const { g, p } of pairs) {
    if (usedG.has(g.id) || out.has(p.id)) continue;
    usedG.add(g.id);
    out.set(p.id, g.id);
  }
  return out;
}

/** Every candidate pair of a briefing, with its features and whether the gold links it. */
function candidatesOf(briefing) {
  const text = readFileSync(briefing.text, 'utf8');
  const gold = JSON.parse(readFileSync(briefing.gold, 'utf8'));
  const seen = [];
  const pred = extractBriefing(text, {
    relations: { onCandidate: (c) => seen.push({ from: c.from.id, to: c.to.id, x: c.features }) },
  });
  const toGold = matchClaims(gold, pred);
  const linked = new Set(gold.relations.map((r) => [r.from, r.to].sort().join('~')));
  const rows = seen.map(({ from, to, x }) => {
    const g1 = toGold.get(from);
    const g2 = toGold.get(to);
    return { x, y: g1 && g2 && linked.has([g1, g2].sort().join('~')) ? 1 : 0 };
  });
  return { briefing, text, gold, rows };
}

function fit(rows) {
  const d = PAIR_FEATURES.length;
  const w = new Array(d).fill(0);
  const positives = rows.filter((r) => r.y).length || 1;
  // Positives are rare: weigh them up so the fit does not settle on "never link".
  const weightOf = (y) => (y ? (rows.length - positives) / positives : 1);
  const total = rows.reduce((a, r) => a + weightOf(r.y), 0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array(d).fill(0);
    for (const { x, y } of rows) {
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k] * x[k];
      const err = (1 / (1 + Math.exp(-z)) - y) * weightOf(y);
      for (let k = 0; k < d; k++) grad[k] += err * x[k];
    }
    const rate = 0.5;
    for (let k = 0; k < d; k++) w[k] -= rate * (grad[k] / total + (k ? l2 * w[k] : 0));
  }
  return w.map((v) => Math.round(v * 1000) / 1000);
}

/** The whole extractor's relation F1 and verification accuracy over `sets`. */
function check(sets, weightsFor, threshold, labelThreshold) {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  let matched = 0;
  let verified = 0;
  for (const s of sets) {
    const pred = extractBriefing(s.text, {
      relations: { weights: weightsFor(s), ...(threshold && { threshold }) },
      ...(labelThreshold && { labelThreshold }),
    });
    const result = score(s.gold, pred);
    tp += result.relations.tp;
    predicted += result.relations.predicted;
    gold += result.relations.gold;
    matched += result.claims.tp;
    verified += result.verificationAccuracy * result.claims.tp;
  }
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return {
    tp,
    predicted,
    gold,
    f1: p + r ? (2 * p * r) / (p + r) : 0,
    verification: matched ? verified / matched : 0,
  };
}

const [[, sample], [, dev]] = briefingSets(args.seed);
const sets = [...sample, ...dev].map(candidatesOf);
const all = sets.flatMap((s) => s.rows);
console.log(
  `${sets.length} briefings, ${all.length} candidate pairs, ${all.filter((r) => r.y).length} linked in the gold`,
);

const heldOut = new Map(
  sets.map((s) => [s, fit(sets.filter((o) => o !== s).flatMap((o) => o.rows))]),
);
console.log('\nLeave one briefing out, by relation threshold:\n');
console.log('| threshold | relation F1 | tp / predicted / gold | verification accuracy |');
console.log('| ---: | ---: | --- | ---: |');
for (const threshold of thresholds) {
  const r = check(sets, (s) => heldOut.get(s), threshold);
  console.log(
    `| ${threshold} | ${(100 * r.f1).toFixed(1)} | ${r.tp} / ${r.predicted} / ${r.gold} | ${(100 * r.verification).toFixed(1)} |`,
  );
}

console.log('\nLeave one briefing out, by the threshold for labels that follow from relations:\n');
console.log('| label threshold | verification accuracy |');
console.log('| ---: | ---: |');
for (const labelThreshold of thresholds) {
  const r = check(sets, (s) => heldOut.get(s), undefined, labelThreshold);
  console.log(`| ${labelThreshold} | ${(100 * r.verification).toFixed(1)} |`);
}

const weights = fit(all);
console.log('\nWeights fitted on all of them (RELATION_WEIGHTS):\n');
for (const [k, name] of PAIR_FEATURES.entries()) console.log(`  ${name.padEnd(16)} ${weights[k]}`);
console.log(`\n[${weights.join(', ')}]`);
