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

/** Content-word stems of a text (first five letters, so "accused" ~ "accusations"). */
export function stems(text: string): string[] {
  return (fold(text).match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map((w) => w.slice(0, 5));
}

/** Token-F1 overlap of two texts' stems. */
export function overlap(a: string, b: string): number {
  return stemOverlap(stems(a), stems(b));
}

function stemOverlap(wa: readonly string[], wb: readonly string[]): number {
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
  /\b(?:could\s+neither\s+confirm\s+nor|neither\s+confirm\s+nor|looking\s+into|investigating\s+the|reviewing\s+the|declined\s+to\s+comment|no\s+comment|aware\s+of\s+(?:the\s+)?reports?)\b/i;

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

/** What the scoring needs of a claim, computed once. */
interface Prepared {
  stems: string[];
  words: Set<string>;
  handles: string[];
  names: string[];
  /** The body the speaker belongs to, unless that is a whole country. */
  side: string[];
  figures: Quantity[];
}

function prepare(c: RelatableClaim): Prepared {
  return {
    stems: stems(c.span),
    words: new Set(nameWords(c.span)),
    handles: handles(c),
    names: nameWords(c.speaker),
    side: sideOf(c),
    figures: quantitiesIn(c.span),
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

function relayedBy(c: RelatableClaim, by: RelatableClaim): boolean {
  const names = nameWords(by.speaker);
  return (c.reportedBy ?? []).some((r) => sameNames(nameWords(r), names));
}

export interface RelationOptions {
  /** Minimum score for linking a pair. */
  threshold: number;
  /** How many items back an answer may reach. */
  window: number;
}

const DEFAULTS: RelationOptions = { threshold: 0.35, window: 2 };
/** How many items back a denial may reach for a claim that names the denier. */
const DENIAL_WINDOW = 5;

/** A relation with the score that admitted it, for callers that weigh what follows from it. */
export interface ScoredRelation extends ExtractedRelation {
  score: number;
}

export function findRelations(
  claims: RelatableClaim[],
  options: Partial<RelationOptions> = {},
): ScoredRelation[] {
  const { threshold, window } = { ...DEFAULTS, ...options };
  const relations: ScoredRelation[] = [];
  const linked = new Set<string>();
  const add = (
    from: RelatableClaim,
    to: RelatableClaim,
    type: ExtractedRelationType,
    score: number,
  ) => {
    const key = [from.id, to.id].sort().join('~');
    if (linked.has(key)) return;
    linked.add(key);
    relations.push({ from: from.id, to: to.id, type, score });
  };

  let lo = 0;
  const prepared = claims.map(prepare);
  claims.forEach((c, i) => {
    const pc = prepared[i];
    // A passive attribution with no source ("was reported to have …") answers nothing.
    if (c.verb === 'reported to') return;
    const denial = c.denial || isDenialContent(c.span);
    const noAnswer = NO_ANSWER.test(c.span);
    while (lo < i && claims[lo].item < c.item - window) lo++;
    const frame = c.sentence.replace(c.span, ' ');
    const contrast = CONTRAST.test(frame) || CONTRAST.test(c.span);
    // "a charge the U.N. rejected": a denial whose words name what it answers.
    const reference = REFERENCE_CUE.test(frame) || (c.denial && REFERENCE_LEAD.test(c.span));
    const countering = COUNTER_VERB.test(frame) && !OUTRIGHT_DENIAL.test(frame);
    const answering = ANSWERING.test(frame);
    // A denial or an explicit answer may reach further back to a claim that names the answerer
    // or whose speaker the answer names ("contradicting the commission’s figure").
    let from = lo;
    if (denial || answering || reference || pc.figures.length)
      while (from > 0 && claims[from - 1].item >= c.item - DENIAL_WINDOW) from--;
    const sentenceWords = from < lo ? new Set(nameWords(c.sentence)) : null;
    const candidates: { t: RelatableClaim; j: number }[] = [];
    for (let j = from; j < i; j++) {
      if (sameNames(pc.names, prepared[j].names)) continue;
      if (relayedBy(c, claims[j]) || relayedBy(claims[j], c)) continue;
      // One side does not deny or contest its own account.
      if ((denial || answering) && sameSide(pc, prepared[j])) continue;
      if (
        j < lo &&
        !mentions(pc, prepared[j]) &&
        !differInFigures(pc.figures, prepared[j].figures) &&
        !((reference || answering) && prepared[j].handles.some((w) => sentenceWords?.has(w)))
      )
        continue;
      candidates.push({ t: claims[j], j });
    }
    if (!candidates.length) return;
    const scored = candidates
      .map(({ t, j }) => {
        const pt = prepared[j];
        const o = stemOverlap(pc.stems, pt.stems);
        const mention = mentions(pc, pt) || mentions(pt, pc);
        // Another party's different figure for the same thing contradicts it, however far back.
        const figures = differInFigures(pc.figures, pt.figures);
        let score = o;
        if (figures) score += 0.35;
        if (mention) score += 0.15;
        if (t.item === c.item) score += 0.2;
        if (contrast) score += 0.15;
        if (denial || noAnswer || CONFIRMING.test(c.verb)) score += 0.2;
        if (reference) score += 0.2;
        if (answering) score += 0.1;
        // One side does not deny or contest its own account.
        if ((denial || contrast) && sameSide(pc, pt)) score -= 0.3;
        // The nearest earlier claim is the likeliest one answered.
        if (!figures) score -= 0.02 * (i - j - 1);
        return { t, o, mention, figures, score };
      })
      .sort((x, y) => y.score - x.score);
    const best = scored[0];
    if (best.score < threshold) return;
    // A denial or counter that shares no content with its target, names neither party and points
    // at no earlier account answers something else.
    if (
      (denial || contrast) &&
      !noAnswer &&
      best.o === 0 &&
      !best.mention &&
      !reference &&
      !best.figures
    )
      return;
    let type: ExtractedRelationType;
    if (denial && countering && !isDenialContent(c.span)) type = 'counters';
    else if (denial) type = 'denies';
    else if (noAnswer) type = 'responds_to';
    else if (best.figures) type = 'counters';
    else if (CONFIRMING.test(c.verb) || (best.o >= 0.5 && !contrast)) type = 'supports';
    else if (contrast) type = 'counters';
    else type = 'supports';
    add(c, best.t, type, best.score);
  });
  return relations;
}
