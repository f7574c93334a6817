/**
 * Stage 8: the verification labels that follow from other claims. A claim another party denies
 * is `denied`, one it contests `disputed`, one it confirms `confirmed`; so is a claim answered
 * only by reference ("X denied the report", "Y confirmed the strike"), which is no claim itself.
 */
import { overlap, type ScoredRelation } from './relations.js';
import { setLabel, type VerifiableClaim } from './verification.js';

export interface LabelledClaim extends VerifiableClaim {
  id: string;
  /** The reporting verb. */
  verb: string;
  reportedBy: string[];
}

/** "X denied the report": a denial of an earlier claim named only by reference. */
export interface ReferenceDenial {
  item: number;
  /** Where the denial starts in its item. */
  at: number;
  speaker: string;
  /** The sentence, which becomes the evidence when the denied claim is in the same item. */
  evidence: string;
}

/** "The Pentagon confirmed the strike": a confirmation of an earlier claim by reference. */
export interface ReferenceConfirmation {
  item: number;
  at: number;
  speaker: string;
  /** What it confirms ("the strike"). */
  object: string;
}

const CONFIRMING_VERB = /^(?:confirmed|confirms|corroborated|acknowledged|verified)$/i;

/**
 * Labels the target of each relation at least `threshold` likely: denied, disputed, or (for a
 * corroboration by a confirming verb, or by the party the claim is about) confirmed.
 */
export function applyRelationLabels(
  claims: LabelledClaim[],
  relations: readonly ScoredRelation[],
  threshold: number,
): void {
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const r of relations) {
    if (r.score < threshold) continue;
    const from = byId.get(r.from)!;
    const to = byId.get(r.to)!;
    if (r.type === 'denies') setLabel(to, 'denied', from.item === to.item ? from.span : null);
    if (r.type === 'counters') setLabel(to, 'disputed', from.item === to.item ? from.span : null);
    if (
      r.type === 'supports' &&
      (CONFIRMING_VERB.test(from.verb) ||
        (isAbout(to, from) && overlap(to.span, from.span) >= 0.25))
    ) {
      setLabel(to, 'confirmed', null);
    }
  }
}

/**
 * The claim a reference denial denies: the latest one before it, in its item or the one before,
 * by another speaker ("denied the report" prefers one that came through an outlet).
 */
export function applyReferenceDenials(
  claims: readonly LabelledClaim[],
  denials: readonly ReferenceDenial[],
): void {
  for (const r of denials) {
    const denier = r.speaker.toLowerCase().replace(/^the\s+/, '');
    const report = /\breports?\b/i.test(r.evidence);
    let target: LabelledClaim | null = null;
    for (const d of claimsBefore(claims, r, 1)) {
      const who = `${d.speaker} ${d.speakerRole ?? ''} ${d.speakerAffiliation ?? ''}`.toLowerCase();
      if (denier && who.includes(denier)) continue;
      if (report && d.reportedBy.length > 0) {
        target = d;
        break;
      }
      target ??= d;
      if (!report) break;
    }
    if (target)
      setLabel(target, 'denied', target.item === r.item ? r.evidence.replace(/[.\s]+$/, '') : null);
  }
}

/**
 * The claim a reference confirmation confirms: the latest one before it, in its item or the one
 * before, by another speaker, that shares words with what is confirmed.
 */
export function applyReferenceConfirmations(
  claims: readonly LabelledClaim[],
  confirmations: readonly ReferenceConfirmation[],
): void {
  for (const r of confirmations) {
    const by = r.speaker.toLowerCase().replace(/^the\s+/, '');
    // "confirming the Drevna 9 TV report": the claim that outlet carried, up to 12 items back.
    let carried: LabelledClaim | null = null;
    for (const d of claimsBefore(claims, r, 12))
      if ([d.reportedBy[0], d.speaker].some((o) => o && namesOutlet(r.object, o))) {
        carried = d;
        break;
      }
    if (carried) {
      setLabel(carried, 'confirmed', null);
      continue;
    }
    for (const d of claimsBefore(claims, r, 1)) {
      if (d.item === r.item && d.spanStart + d.span.length > r.at) continue; // the confirmation is inside it
      if (by && `${d.speaker} ${d.speakerRole ?? ''}`.toLowerCase().includes(by)) continue;
      if (overlap(d.span, r.object) === 0) continue;
      setLabel(d, 'confirmed', null);
      break;
    }
  }
}

/**
 * The claims before a reference at `at` in `item`, latest first, back to `itemsBack` items before
 * it (claims are in text order, so the walk stops there).
 */
function* claimsBefore<C extends LabelledClaim>(
  claims: readonly C[],
  { item, at }: { item: number; at: number },
  itemsBack: number,
): Generator<C> {
  for (let k = claims.length - 1; k >= 0; k--) {
    const d = claims[k];
    if (d.item > item || (d.item === item && d.spanStart >= at)) continue;
    if (d.item < item - itemsBack) return;
    yield d;
  }
}

/** "the Drevna 9 TV report" names the outlet "Drevna 9 TV" as the report's source. */
function namesOutlet(object: string, outlet: string): boolean {
  const o = outlet.replace(/^the\s+/i, '');
  return /\b(?:report|reporting|account|story)\b/i.test(object) && object.includes(o);
}

/** Whether a claim is about the party that speaks in another ("… at an NSF checkpoint" / the NSF). */
function isAbout(claim: LabelledClaim, party: LabelledClaim): boolean {
  const words = new Set(claim.span.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const generic =
    /^(?:the|of|and|for|ministry|office|spokesman|spokeswoman|official|government|department|national|state|news|agency|president|minister|general|house)$/;
  const handles = [party.speaker, party.speakerAffiliation ?? '']
    .join(' ')
    .toLowerCase()
    .match(/[a-z0-9]+/g)
    ?.filter((w) => w.length > 2 && !generic.test(w));
  return !!handles?.some((w) => words.has(w));
}
