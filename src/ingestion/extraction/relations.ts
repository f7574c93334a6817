/**
 * Stage 7: relations between claims. A claim by one speaker answers a nearby claim by another
 * (same item or the one before): an explicit denial `denies`, a contrary claim `counters`, a
 * corroboration `supports`, a reply that neither confirms nor denies `responds_to`. A candidate
 * pair is scored on content-word overlap, whether each speaker is named in the other's claim,
 * contrast language around the answer, and distance; restatements by one speaker are not linked.
 */
import type { ExtractedRelation, ExtractedRelationType } from './extraction.types.js';
import { PERSON_HEADS, ROLE_WORDS } from './lexicon.js';
import { differInFigures, quantitiesIn, type Quantity } from './quantities.js';
import { countryOf } from './speakers.js';

export interface RelatableClaim {
  id: string;
  item: number;
  spanStart: number;
  span: string;
  speaker: string;
  affiliation: string | null;
  /** Whether the claim's frame is a denial (verb or wording). */
  denial: boolean;
  /** The sentence the claim sits in. */
  sentence: string;
  /** The reporting verb. */
  verb: string;
  /** Intermediaries: a claim relayed by another claim's speaker is part of that claim's account. */
  reportedBy?: string[];
  /** The speaker's title ("army spokesman"), which may name the body the speaker speaks for. */
  role?: string | null;
}

const STOP = new Set(
  'the a an of to in on at for and or but with by from as is are was were be been being that this these those it its he she they them his her their we our you i not no said says say told would will could has have had do does did than then also there which who whom what when where while after before over into about against more most some any all two three one new'.split(
    ' ',
  ),
);

/** Lower-cases, and strips accents only when there are any (normalising is costly). */
function fold(text: string): string {
  const lower = text.toLowerCase();
  return /[\u00c0-\u024f]/.test(lower) ? lower.normalize('NFKD') : lower;
}

/** Content-word stems of a text (first five letters of the singular, so "accused" ~ "accusations", "shows" ~ "show"). */
export function stems(text: string): string[] {
  return (fold(text).match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map((w) => w.replace(/(?<=..)s$/, '').slice(0, 5));
}

/** Token-F1 overlap of two texts' stems. */
export function overlap(a: string, b: string): number {
  return tokenF1(stems(a), stems(b));
}

/** Token-F1 of two token lists, each token matched at most once. */
export function tokenF1(wa: readonly string[], wb: readonly string[]): number {
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  if (!common) return 0;
  const p = common / wa.length;
  const r = common / wb.length;
  return (2 * p * r) / (p + r);
}

const DENIAL_CONTENT =
  /\b(?:false|untrue|not\s+true|baseless|groundless|without\s+merit|fabricat\w*|fake|lies|nonsense|unfounded|no\s+truth|disinformation|propaganda|had\s+nothing\s+to\s+do|no\s+involvement|not\s+involved|never\s+(?:happened|took\s+place)|did\s+not\s+happen|no\s+such|slander\w*|misinformation|there\s+(?:has|have)\s+been\s+no|(?:has|have|had)\s+[“"]?never\s+(?:hidden|hid|ordered|instructed|doped|cheated|discharged|dumped|ignored|received|accepted|taken|misled|lied|falsified|concealed|provided|supplied|sent|given|carried|conducted|used|attacked|targeted|fired|shared|received|paid|made|taken|met|ordered|authorized|approved|agreed|signed|sold|transferred|hidden|concealed|manipulated|rigged)|had\s+not\s+been\s+(?:contacted|consulted|informed|involved))\b/i;

export function isDenialContent(span: string): boolean {
  return DENIAL_CONTENT.test(span);
}

const CONTRAST =
  /\b(?:but|however|disput\w*|contradict\w*|counter\w*|rival|instead|fewer|lower|higher|only|still|never|not|no|nothing|denied|rejected|dismissed|insisted|otherwise|contrary|in\s+fact|actually|yet)\b/i;
const CONFIRMING =
  /^(?:confirmed|confirms|confirm|corroborated|acknowledged|acknowledges|verified|agreed)$/i;
const NO_ANSWER =
  /\b(?:could\s+neither\s+confirm\s+nor|neither\s+confirm\s+nor|looking\s+into|declined\s+to\s+comment|no\s+comment|aware\s+of\s+(?:the\s+)?reports?)\b|(?:\b(?:is|are|was|were|been)\s+[“"]?)(?:investigating|reviewing|examining|checking|assessing|studying|evaluating)\b/i;

/** "disputed that account", "rejected the claims": the sentence answers an earlier claim. */
const REFERENCE_CUE =
  /\b(?:that|the|this|those|these|such)\s+(?:[\w-]+[’']s?\s+)?(?:account|accounts|report|reports|claim|claims|allegation|allegations|accusation|accusations|charge|charges|assertion|assertions|version|characterization|suggestion|suggestions|figure|figures|findings)\b/i;
/** "a charge the U.N. rejected as …": the span itself opens with what it answers. */
const REFERENCE_LEAD =
  /^(?:a|an|the|that|this)\s+(?:charge|claim|accusation|allegation|assertion|account|report|version|characterization|suggestion)s?\b/i;
/** Verbs that contest with a contrary account rather than deny outright. */
const COUNTER_VERB =
  /\b(?:countered|counters|countering|disputed|disputes|disputing|contested|contests|contesting|contradicted|contradicts|challenged|challenges)\b/i;
/** The answer itself turns on a contrast: "acknowledged …, but said", "contradicting", "insisted". */
const ANSWERING =
  /\b(?:but|however|yet)\b[^.;]{0,40}?\b(?:said|says|insisted|insists|maintained|maintains|stressed|added|noted)\b|\b(?:contradict\w*|disput\w*|countered|counters|insisted|insists|rebutted|refuted)\b/i;
const OUTRIGHT_DENIAL =
  /\b(?:denied|denies|deny|denying|rejected|rejects|rejecting|dismissed|dismisses|dismissing|refuted|refutes)\b/i;

const nameWords = (s: string) =>
  (fold(s).match(/[a-z0-9]+/g) ?? []).filter(
    (w) => !['the', 'of', 's', 'a', 'an', 'and', 'for'].includes(w),
  );

/** The distinctive words of a speaker ("Northern Shield Forces" → northern, shield, forces). */
function handles(c: RelatableClaim): string[] {
  const generic = new Set([
    'ministry',
    'office',
    'spokesman',
    'spokeswoman',
    'spokesperson',
    'official',
    'officials',
    'government',
    'department',
    'u',
    's',
    'national',
    'state',
    'foreign',
    'health',
    'interior',
    'defense',
    'group',
    'news',
    'agency',
    'president',
    'minister',
    'governor',
    'general',
    'people',
  ]);
  return [...nameWords(c.speaker), ...nameWords(c.affiliation ?? '')].filter(
    (w) => w.length > 2 && !generic.has(w),
  );
}

const NEGATED =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|n[’']t|denied|false|untrue)\b/i;
const OWN_ACCOUNT =
  /\b(?:its|their|our|his|her)\s+own\s+(?:[\w-]+\s+)?(?:count|counts|tally|tallies|figures?|numbers?|data|estimates?|records?|survey|analysis|investigation|review|audit)\b/i;

/** What the scoring needs of a claim, computed once. */
interface Prepared {
  stems: string[];
  words: Set<string>;
  handles: string[];
  names: string[];
  /** The body the speaker belongs to, unless that is a whole country. */
  side: string[];
  figures: Quantity[];
  negated: boolean;
  ownAccount: boolean;
  relays: string[][];
}

function prepare(c: RelatableClaim): Prepared {
  return {
    stems: stems(c.span),
    words: new Set(nameWords(c.span)),
    handles: handles(c),
    names: nameWords(c.speaker),
    side: sideOf(c),
    figures: quantitiesIn(c.span),
    negated: NEGATED.test(c.span),
    ownAccount: OWN_ACCOUNT.test(c.span),
    relays: (c.reportedBy ?? []).map(nameWords),
  };
}

/** Whether one claim's speaker is named in the other's words. */
function mentions(speaker: Prepared, claim: Prepared): boolean {
  return speaker.handles.some((w) => claim.words.has(w));
}

function sameNames(wa: string[], wb: string[]): boolean {
  if (!wa.length || !wb.length) return false;
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return small.every((w) => big.includes(w));
}

/** The body a speaker speaks for: its affiliation unless a whole country, else its title's body. */
function sideOf(c: RelatableClaim): string[] {
  if (c.affiliation) return countryOf(c.affiliation) ? [] : nameWords(c.affiliation);
  if (!c.role) return [];
  return nameWords(c.role).filter(
    (w) => w.length > 2 && !ROLE_WORDS.has(w) && !PERSON_HEADS.has(w) && !countryOf(w),
  );
}

/**
 * One side: one speaker is the other's affiliation ("Team Valderra" and its manager), or both belong
 * to the same body (a country is too broad to count as one side).
 */
function sameSide(a: Prepared, b: Prepared): boolean {
  return (
    (a.side.length > 0 && b.side.length > 0 && sameNames(a.side, b.side)) ||
    (a.side.length > 0 && sameNames(a.side, b.names)) ||
    (b.side.length > 0 && sameNames(b.side, a.names))
  );
}

/** Whether `by`'s speaker is one of the intermediaries `c` came through. */
function relayedBy(c: Prepared, by: Prepared): boolean {
  return c.relays.some((r) => sameNames(r, by.names));
}

/**
 * What a candidate pair is scored on, in the order of `RELATION_WEIGHTS`. "c" is the later claim
 * of the pair, "t" the earlier one.
 */
export const PAIR_FEATURES = [
  'bias',
  'overlap', // content-word overlap of the two spans
  'answererNamed', // c's speaker is named in t (t is about c's speaker)
  'targetNamed', // t's speaker is named in c's sentence
  'sameItem',
  'itemGap', // items between them, of the five an answer may reach back
  'claimGap', // claims between them, of ten
  'denial', // c denies (verb or wording)
  'targetDenial', // t denies
  'contrast', // contrast words around c
  'reference', // c points at an earlier account ("the report", "a charge …")
  'answering', // c's frame answers ("but said", "contradicting")
  'noAnswer', // c neither confirms nor denies ("looking into it")
  'confirming', // c's verb confirms
  'figures', // different figures for the same thing
  'targetReported', // t came through an outlet
  'ruleScore', // the hand-written score below, which the weights may lean on
  'nearestBest', // t is the best-scored earlier claim for c
  'denialNamed', // denial × answererNamed
  'contrastOverlap', // contrast × overlap
  'farUnnamed', // more than two items back, and neither party named nor a figure shared
  'emptyAnswer', // c denies or contrasts, but shares no word, name, reference or figure with t
  'polarity', // one of the two is negated and the other not, and they share words
  'ownAccount', // c gives "its own count", "our own figures"
  'rareOverlap', // cosine of the spans' stems, each weighed by how rare it is in the briefing
] as const;

/**
 * Logistic-regression weights over PAIR_FEATURES, fitted on the sample and the dev briefings by
 * `npm run extraction:train-relations` (which prints them, with a leave-one-briefing-out check).
 */
export const RELATION_WEIGHTS: readonly number[] = [
  -0.658, 0.752, 0.432, 0.242, 0.691, -0.694, -0.197, 0.076, -0.093, 0.104, -0.007, -0.01, 0.504,
  0.057, 0.515, -0.167, 1.394, 1.191, 0.048, 0.281, -0.493, -0.569, 0.414, 0.048, 0.679,
];

const RULE_SCORE = PAIR_FEATURES.indexOf('ruleScore');
const NEAREST_BEST = PAIR_FEATURES.indexOf('nearestBest');

export interface PairCandidate {
  from: RelatableClaim;
  to: RelatableClaim;
  features: number[];
}

export interface RelationOptions {
  /** Minimum probability for linking a pair. */
  threshold: number;
  /** How many items back an answer may reach. */
  window: number;
  /** The most relations one claim answers with. */
  perClaim: number;
  weights: readonly number[];
  /** Sees every candidate pair with its features (for fitting the weights). */
  onCandidate?: (candidate: PairCandidate) => void;
}

/** The probability above which a pair is a relation, chosen by the fitting script's check. */
export const RELATION_THRESHOLD = 0.8;

const DEFAULTS: RelationOptions = {
  threshold: RELATION_THRESHOLD,
  window: 5,
  perClaim: 2,
  weights: RELATION_WEIGHTS,
};

/** A relation with the probability that admitted it, for callers that weigh what follows. */
export interface ScoredRelation extends ExtractedRelation {
  score: number;
}

/** What a claim's own frame says about it as an answer. */
interface AnswerCues {
  denial: boolean;
  noAnswer: boolean;
  contrast: boolean;
  reference: boolean;
  countering: boolean;
  answering: boolean;
  confirming: boolean;
}

function answerCues(c: RelatableClaim): AnswerCues {
  const frame = c.sentence.replace(c.span, ' ');
  return {
    denial: c.denial || isDenialContent(c.span),
    noAnswer: NO_ANSWER.test(c.span),
    contrast: CONTRAST.test(frame) || CONTRAST.test(c.span),
    // "a charge the U.N. rejected": a denial whose words name what it answers.
    reference: REFERENCE_CUE.test(frame) || (c.denial && REFERENCE_LEAD.test(c.span)),
    countering: COUNTER_VERB.test(frame) && !OUTRIGHT_DENIAL.test(frame),
    answering: ANSWERING.test(frame),
    confirming: CONFIRMING.test(c.verb),
  };
}

/** The hand-written score of a pair: overlap plus what the answer's frame and distance say. */
function ruleScore(
  cue: AnswerCues,
  o: number,
  mention: boolean,
  figures: boolean,
  sameItem: boolean,
  gap: number,
): number {
  let score = o;
  if (figures) score += 0.35;
  if (mention) score += 0.15;
  if (sameItem) score += 0.2;
  if (cue.contrast) score += 0.15;
  if (cue.denial || cue.noAnswer || cue.confirming) score += 0.2;
  if (cue.reference) score += 0.2;
  if (cue.answering) score += 0.1;
  // The nearest earlier claim is the likeliest one answered.
  if (!figures) score -= 0.02 * gap;
  return score;
}

/** Each text's stems weighed by inverse document frequency over all the texts, unit length. */
function rarityVectors(texts: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  return texts.map((t) => {
    const v = new Map<string, number>();
    for (const w of t) v.set(w, (v.get(w) ?? 0) + Math.log((n + 1) / df.get(w)!));
    let norm = 0;
    for (const x of v.values()) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) dot += x * (big.get(w) ?? 0);
  return dot;
}

function probability(weights: readonly number[], features: readonly number[]): number {
  let z = 0;
  for (let k = 0; k < features.length; k++) z += weights[k] * features[k];
  return 1 / (1 + Math.exp(-z));
}

/** The relation's type, from what the answering claim's frame says. */
function relationType(
  cue: AnswerCues,
  o: number,
  figures: boolean,
  span: string,
): ExtractedRelationType {
  if (cue.denial && cue.countering && !isDenialContent(span)) return 'counters';
  if (cue.denial) return 'denies';
  if (cue.noAnswer) return 'responds_to';
  if (figures) return 'counters';
  if (cue.confirming || (o >= 0.5 && !cue.contrast)) return 'supports';
  if (cue.contrast) return 'counters';
  return 'supports';
}

/**
 * Scores every pair of claims by different speakers within `window` items of each other, and
 * links the likeliest pairs: each claim answers at most `perClaim` earlier claims. A pair whose
 * earlier claim is the denial ("denied that the dam had burst" before the videos said to show it)
 * is written from the denial.
 */
export function findRelations(
  claims: RelatableClaim[],
  options: Partial<RelationOptions> = {},
): ScoredRelation[] {
  const { threshold, window, perClaim, weights, onCandidate } = { ...DEFAULTS, ...options };
  const prepared = claims.map(prepare);
  const cues = claims.map(answerCues);
  const rarity = rarityVectors(prepared.map((p) => p.stems));
  const scored: { i: number; j: number; p: number; o: number; figures: boolean }[] = [];
  let lo = 0;
  claims.forEach((c, i) => {
    while (lo < i && claims[lo].item < c.item - window) lo++;
    const pc = prepared[i];
    const cue = cues[i];
    const sentenceWords = new Set(nameWords(c.sentence));
    const pairs: { j: number; o: number; figures: boolean; f: number[] }[] = [];
    for (let j = lo; j < i; j++) {
      const t = claims[j];
      const pt = prepared[j];
      if (sameNames(pc.names, pt.names)) continue;
      if (relayedBy(pc, pt) || relayedBy(pt, pc)) continue;
      const o = tokenF1(pc.stems, pt.stems);
      const answererNamed = mentions(pc, pt);
      const targetNamed = pt.handles.some((w) => sentenceWords.has(w));
      const figures = differInFigures(pc.figures, pt.figures);
      const rivalFigures = figures || differInFigures(pc.figures, pt.figures, true);
      const sameItem = t.item === c.item;
      // One side does not answer its own account (no gold relation links two of one side).
      if (sameSide(pc, pt)) continue;
      const gap = i - j - 1;
      const rule = ruleScore(cue, o, answererNamed || mentions(pt, pc), figures, sameItem, gap);
      const f = [
        1,
        o,
        +answererNamed,
        +targetNamed,
        +sameItem,
        (c.item - t.item) / window,
        Math.min(gap, 10) / 10,
        +cue.denial,
        +cues[j].denial,
        +cue.contrast,
        +cue.reference,
        +cue.answering,
        +cue.noAnswer,
        +cue.confirming,
        +figures,
        +((t.reportedBy?.length ?? 0) > 0),
        rule,
        0, // nearestBest, set below
        +(cue.denial && answererNamed),
        +cue.contrast * o,
        +(c.item - t.item > 2 && !answererNamed && !targetNamed && !figures),
        +(
          (cue.denial || cue.contrast) &&
          o === 0 &&
          !answererNamed &&
          !mentions(pt, pc) &&
          !cue.reference &&
          !figures
        ),
        +(o > 0 && pc.negated !== pt.negated),
        +pc.ownAccount,
        cosine(rarity[i], rarity[j]),
      ];
      pairs.push({ j, o, figures: rivalFigures, f });
    }
    // The best hand-scored candidate, as the earlier rules would have picked it.
    let best = -1;
    for (let k = 0; k < pairs.length; k++)
      if (best < 0 || pairs[k].f[RULE_SCORE] > pairs[best].f[RULE_SCORE]) best = k;
    if (best >= 0) pairs[best].f[NEAREST_BEST] = 1;
    for (const { j, o, figures, f } of pairs) {
      onCandidate?.({ from: c, to: claims[j], features: f });
      const p = probability(weights, f);
      if (p >= threshold) scored.push({ i, j, p, o, figures });
    }
  });

  scored.sort((a, b) => b.p - a.p);
  const answers = new Map<number, number>();
  const relations: ScoredRelation[] = [];
  for (const { i, j, p, o, figures } of scored) {
    const n = answers.get(i) ?? 0;
    if (n >= perClaim) continue;
    answers.set(i, n + 1);
    // A claim passed on with no source ("was reported to have …") answers nothing itself.
    const [from, to] =
      !cues[i].denial && cues[j].denial
        ? [j, i]
        : claims[i].verb === 'reported to'
          ? [j, i]
          : [i, j];
    relations.push({
      from: claims[from].id,
      to: claims[to].id,
      type: relationType(cues[from], o, figures, claims[from].span),
      score: p,
    });
  }
  return relations;
}
