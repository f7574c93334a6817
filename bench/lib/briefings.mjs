// The extractor's data and tools for the benches: the built extractor, the shared scorer, and the
// briefing sets (the sample, test/fixtures/briefings/dev and holdout).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(PROJECT_DIR, 'test', 'fixtures', 'briefings');
const EXTRACTION = join(PROJECT_DIR, 'dist', 'ingestion', 'extraction');

export function fail(message) {
  process.stderr.write(`extraction bench: ${message}\n`);
  process.exit(2);
}

/** A module of the built extractor (dist/, after `npm run build`). */
export async function loadExtraction(file) {
  const path = join(EXTRACTION, file);
  if (!existsSync(path)) fail(`${path} is missing: run \`npm run build\` first`);
  return import(pathToFileURL(path).href);
}

/** The shared scorer's score(): EXTRACTION_SCORER, --scorer, or ../shared/extraction/score.mjs. */
export async function loadScorer(scorerFlag) {
  const scorerPath = resolve(
    scorerFlag ??
      process.env.EXTRACTION_SCORER ??
      join(PROJECT_DIR, '..', 'shared', 'extraction', 'score.mjs'),
  );
  if (!existsSync(scorerPath))
    fail(`scorer not found at ${scorerPath}: set EXTRACTION_SCORER or pass --scorer PATH`);
  const { score } = await import(pathToFileURL(scorerPath).href);
  if (typeof score !== 'function') fail(`${scorerPath} exports no score() function`);
  return score;
}

/** The briefings of a set: NN-name.txt with its NN-name.json gold beside it. */
function briefingsIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: join(dir, f),
      gold: join(dir, f.replace(/\.txt$/, '.json')),
    }));
}

/** [['sample', …], ['dev', …], ['holdout', …]]; the sample is EXTRACTION_SEED or ../shared/seed. */
export function briefingSets(seedFlag) {
  const seed = resolve(
    seedFlag ?? process.env.EXTRACTION_SEED ?? join(PROJECT_DIR, '..', 'shared', 'seed'),
  );
  const sample = existsSync(join(seed, 'briefing.txt'))
    ? [{ name: 'briefing', text: join(seed, 'briefing.txt'), gold: join(seed, 'briefing.json') }]
    : [];
  return [
    ['sample', sample],
    ['dev', briefingsIn(join(FIXTURES, 'dev'))],
    ['holdout', briefingsIn(join(FIXTURES, 'holdout'))],
  ];
}
