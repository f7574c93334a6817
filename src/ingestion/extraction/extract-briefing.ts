/**
 * The claim extractor: a briefing's text in, its attributed claims and their relations out.
 * Pure and synchronous; the stages live beside this file:
 *
 *   items.ts → sentences.ts → attribution.ts (frames, with relays.ts) → assertions.ts (is it a
 *   claim?) → speakers.ts (who) → verification.ts → relations.ts → relation-labels.ts
 */
import { findFrames } from './attribution.js';
import type { Frame } from './frame.types.js';
import { isAssertion } from './assertions.js';
import type { BriefingExtraction, ExtractedClaim } from './extraction.types.js';
import { groupByItem, splitItems } from './items.js';
import {
  findRelations,
  isDenialContent,
  RELATION_THRESHOLD,
  type RelationOptions,
} from './relations.js';
import { normalizeQuotes, splitSentences, type Sentence } from './sentences.js';
import { itemLeadLength } from './spans.js';
import { gatherNames } from './names.js';
import { nameDescribedSpeakers } from './named-later.js';
import {
  applyReferenceConfirmations,
  applyReferenceDenials,
  applyRelationLabels,
  type ReferenceConfirmation,
  type ReferenceDenial,
} from './relation-labels.js';
import { countryOf, findMentions, SpeakerResolver, type SpeakerInfo } from './speakers.js';
import { applyCues, applyFactChecks, findSelfOutlet } from './verification.js';

export { splitItems };

interface Draft extends ExtractedClaim {
  kind: SpeakerInfo['kind'];
  denial: boolean;
  sentence: string;
  verb: string;
}

export interface ExtractionOptions {
  /** How relations are found; the defaults are the fitted model. */
  relations?: Partial<RelationOptions>;
  /** How likely a relation must be before its target takes the label it implies. */
  labelThreshold?: number;
}

/** Chosen by the fitting script's leave-one-briefing-out check, like the relation threshold. */
const LABEL_THRESHOLD = 0.9;

export function extractBriefing(text: string, options: ExtractionOptions = {}): BriefingExtraction {
  const items = splitItems(text);
  const names = gatherNames(items);
  const resolver = new SpeakerResolver(findMentions(items), names);
  const drafts: Draft[] = [];
  const referenceDenials: ReferenceDenial[] = [];
  const referenceConfirmations: ReferenceConfirmation[] = [];

  items.forEach((item, idx) => {
    // Item 0 is the title when it reads as a headline (no closing punctuation).
    if (idx === 0 && items.length > 1 && !/[.!?”"]$/.test(item)) return;
    const sentences = splitSentences(item);
    const framesBySentence = sentences.map((sentence) =>
      findFrames(normalizeQuotes(sentence.text), names.outlets),
    );
    sentences.forEach((sentence, k) => {
      let frames = framesBySentence[k];
      if (!frames.length) frames = quoteContinuation(sentences, framesBySentence, k);
      for (const frame of frames) {
        // "The spokeswoman rejected the account. “…,” she said.": who answered is who "she" is.
        if (frame.reference && frame.speaker) rememberSpeaker(resolver, frame, idx, item);
        if (frame.reference && !frame.denial) {
          referenceConfirmations.push({
            item: idx,
            at: sentence.start + frame.start,
            speaker: frame.speaker?.text ?? '',
            object: sentence.text.slice(frame.start, frame.end),
          });
          continue;
        }
        if (frame.reference) {
          // "X denied the report": no claim, but the report it answers is denied — unless X goes
          // on to state the contrary in the same sentence, which then carries the denial.
          const followed = frames.some(
            (f) =>
              f !== frame && !f.reference && f.denial && f.speaker?.text === frame.speaker?.text,
          );
          if (!followed)
            referenceDenials.push({
              item: idx,
              at: sentence.start + frame.start,
              speaker: frame.speaker?.text ?? '',
              evidence: sentence.text,
            });
          continue;
        }
        const draft = toDraft(frame, sentence.text, sentence.start, item, idx, resolver);
        if (draft) drafts.push(draft);
      }
      if (!framesBySentence[k].length) {
        const passive = passiveClaim(sentence.text, sentence.start, idx, item);
        if (passive) drafts.push(passive);
      }
    });
  });

  specifyVagueSpeakers(drafts);
  nameDescribedSpeakers(drafts);
  inheritOccasionRelays(drafts);
  const selfOutlet = findSelfOutlet(text);
  // "…, he told Sable Wire" on Sable Wire's own page: the page got it directly, no relay.
  if (selfOutlet) {
    const own = selfOutlet.toLowerCase();
    // "told the Ledger" on The Coastal Ledger's page is the same outlet, named short.
    const isOwn = (r: string) => {
      const name = r.toLowerCase().replace(/^the\s+/, '');
      return name === own || own.endsWith(` ${name}`);
    };
    for (const d of drafts) d.reportedBy = d.reportedBy.filter((r) => !isOwn(r));
  }
  // What the page's own outlet found ("a Chronicle review has found") is narration, not a claim.
  if (selfOutlet) {
    const own = selfOutlet.toLowerCase();
    for (let k = drafts.length - 1; k >= 0; k--)
      if (
        drafts[k].kind === 'outlet' &&
        drafts[k].speaker.toLowerCase().replace(/^the\s+/, '') === own
      )
        drafts.splice(k, 1);
  }
  drafts.forEach((d, i) => (d.id = `c${i + 1}`));

  applyCues(items, drafts, selfOutlet);
  applyFactChecks(items, drafts);
  const relationThreshold = options.relations?.threshold ?? RELATION_THRESHOLD;
  const labelThreshold = options.labelThreshold ?? LABEL_THRESHOLD;
  // Pairs likely enough for either use: the relations, and the labels that follow from them.
  const pairs = findRelations(
    drafts.map((d) => ({
      id: d.id,
      item: d.item,
      spanStart: d.spanStart,
      span: d.span,
      speaker: d.speaker,
      affiliation: d.speakerAffiliation,
      denial: d.denial,
      sentence: d.sentence,
      verb: d.verb,
      reportedBy: d.reportedBy,
      role: d.speakerRole,
    })),
    { ...options.relations, threshold: Math.min(relationThreshold, labelThreshold) },
  );
  const relations = pairs.filter((r) => r.score >= relationThreshold);
  applyRelationLabels(drafts, pairs, labelThreshold);
  applyReferenceDenials(drafts, referenceDenials);
  applyReferenceConfirmations(drafts, referenceConfirmations);

  const claims: ExtractedClaim[] = drafts.map((d) => ({
    id: d.id,
    item: d.item,
    span: d.span,
    spanStart: d.spanStart,
    speaker: d.speaker,
    speakerRole: d.speakerRole,
    speakerAffiliation: d.speakerAffiliation,
    reportedBy: d.reportedBy,
    verification: d.verification,
    verificationEvidence: d.verificationEvidence,
    confidence: d.confidence,
  }));
  return { items, claims, relations: relations.map(({ from, to, type }) => ({ from, to, type })) };
}

/**
 * A sentence that is all quotation and has no attribution of its own continues the quote of the
 * sentence before it (“…,” she said. “…”) or opens the one the next sentence attributes.
 */
function quoteContinuation(sentences: Sentence[], frames: Frame[][], k: number): Frame[] {
  const text = normalizeQuotes(sentences[k].text);
  // A sentence inside a quote that opened before it ("“A. B. C,” he said": B) has no mark.
  const inside = /^[^“”"]+[.!?]$/.test(text) && opensQuote(sentences, k);
  const m = inside ? text : /^[“"]([^“”"]+?)[,.!?]?[”"]?$/.exec(text);
  if (!m) return [];
  const closed = /[”"]$/.test(text);
  const prev = inside ? undefined : frames[k - 1]?.find((f) => f.speaker);
  // “A. B. C,” he said: an open quote runs on to the sentence that closes and attributes it.
  let next = frames[k + 1]?.find((f) => f.speaker);
  if (!closed && !prev && !next)
    for (let j = k + 1; j < sentences.length && j <= k + 6; j++) {
      if (!/[”"]/.test(normalizeQuotes(sentences[j].text))) continue;
      next = frames[j].find((f) => f.speaker);
      break;
    }
  if (inside) return next?.speaker ? [continuationOf(next, 0, text)] : [];
  const source =
    prev && (closed || !next)
      ? prev
      : next && !/^[“"]/.test(normalizeQuotes(sentences[k + 1].text))
        ? next
        : prev;
  if (!source?.speaker) return [];
  return [continuationOf(source, 1, text)];
}

/** Whether the sentences before `k` in the item leave a quotation open. */
function opensQuote(sentences: Sentence[], k: number): boolean {
  let open = false;
  for (let j = 0; j < k; j++)
    for (const c of normalizeQuotes(sentences[j].text)) {
      if (c === '“') open = true;
      else if (c === '”') open = false;
    }
  return open;
}

/** A quote sentence credited to the speaker of the frame that attributes its quotation. */
function continuationOf(source: Frame, start: number, text: string): Frame {
  let end = text.length;
  while (end > start && /[”".,!?\s]/.test(text[end - 1])) end--;
  return {
    kind: 'continuation',
    verb: source.verb,
    speaker: { text: source.speaker!.text, start: -1 },
    clauseSubject: source.clauseSubject,
    start,
    end,
    relays: source.relays,
    denial: false,
    explicitness: 0.6,
    clausal: true,
  };
}

const PASSIVE_SHOW =
  /\b(?:(?:were|was|is|are|have\s+been|has\s+been)\s+said\s+to\s+(?:show|depict)|said\s+to\s+(?:show|depict)|purport(?:ed|ing|s)?\s+to\s+(?:show|depict)|claiming\s+to\s+show|circulating\s+online\s+(?:showed|show))\b/;

/** "X was reported to have …", "is said to have …": a passive attribution with no source. */
const PASSIVE_REPORTED =
  /\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:reported|said|alleged|rumou?red|claimed)\s+to\s+(?:have\s+)?[a-z]/;
/** The outlet's verification language that makes such a passive attribution a claim. */
const VERIFICATION_LANGUAGE =
  /\b(?:could\s+not|cannot|can(?:no|’|')t|unable\s+to|did\s+not|has\s+not|have\s+not|had\s+not|would\s+not)\s+(?:be\s+)?(?:immediately\s+|independently\s+)*(?:confirm|verif|corroborat)|\bunverified\b|\bnot\s+(?:been\s+)?(?:immediately\s+|independently\s+)*(?:confirmed|verified)\b/i;

function passiveClaim(sentence: string, offset: number, idx: number, item = ''): Draft | null {
  let start = itemLeadLength(sentence);
  let end = sentence.length;
  const shows = PASSIVE_SHOW.exec(sentence);
  // "Photos shared overnight, said to show a substation on fire, could not be verified": what
  // the aside says they show.
  const aside =
    shows && /,\s*$/.test(sentence.slice(0, shows.index))
      ? /^[^,]+(?=,)/.exec(sentence.slice(shows.index + shows[0].length))
      : null;
  if (shows && aside) {
    start = shows.index + shows[0].length + (aside[0].length - aside[0].trimStart().length);
    end = shows.index + shows[0].length + aside[0].length;
  } else if (shows) {
    // "Videos said to show A have been shared …": what they show ends where the sentence's own
    // verb begins.
    const own =
      /\s+(?:(?:have|has|had)\s+been|were|was|are|is)\s+(?:widely\s+)?(?:shared|posted|viewed|circulated|seen|watched)\b|\s+(?:circulated|spread|went\s+viral|surfaced|emerged|appeared\s+online)\b|,\s+(?:prompting|which|but)\b/g;
    own.lastIndex = shows.index + shows[0].length;
    const cut = own.exec(sentence);
    if (cut) end = cut.index;
  } else {
    const m = PASSIVE_REPORTED.exec(sentence);
    if (!m || !VERIFICATION_LANGUAGE.test(item)) return null;
    // The statement ends where the outlet's own clause begins.
    const stop =
      /,\s+(?:but|although|though|while|which|and\s+(?:the|it|he|she|they))\b|;|\s+[—–]\s+/g;
    stop.lastIndex = m.index;
    const cut = stop.exec(sentence);
    if (cut) end = cut.index;
  }
  while (end > 0 && /[.,”"\s]/.test(sentence[end - 1])) end--;
  return {
    id: '',
    item: idx,
    span: sentence.slice(start, end),
    spanStart: offset + start,
    speaker: 'unnamed social media sources',
    speakerRole: null,
    speakerAffiliation: null,
    reportedBy: [],
    verification: 'unverified',
    verificationEvidence: null,
    confidence: 0.5,
    kind: 'group',
    denial: false,
    sentence,
    verb: end < sentence.length && !PASSIVE_SHOW.test(sentence) ? 'reported to' : 'said to show',
  };
}

const RELAY_DESCRIPTION =
  /^(?:the\s+)?(?:station|newspaper|broadcaster|channel|network|agency|outlet|paper|wire|daily)$/i;

/**
 * "told the Gazzetta that …, the newspaper reported": a description stands for the outlet the same
 * sentence names, so it is one relay, not a second one resolved from earlier items.
 */
function ownRelays(relays: string[]): string[] {
  const named = relays.filter((r) => !RELAY_DESCRIPTION.test(r.trim()));
  if (!named.length || named.length === relays.length) return relays;
  const out: string[] = [];
  for (const r of relays) {
    const own = RELAY_DESCRIPTION.test(r.trim()) ? named[0] : r;
    if (!out.includes(own)) out.push(own);
  }
  return out;
}

function toDraft(
  frame: Frame,
  sentence: string,
  offset: number,
  item: string,
  idx: number,
  resolver: SpeakerResolver,
): Draft | null {
  if (!frame.speaker) return null;
  const span = sentence.slice(frame.start, frame.end);
  if (!isAssertion(span)) return null;
  const resolution = rememberSpeaker(resolver, frame, idx, item);
  if (!resolution) return null;
  const { info, how } = resolution;
  const confidence = Math.max(
    0.05,
    Math.min(1, frame.explicitness - (how === 'resolved' ? 0.1 : how === 'unresolved' ? 0.3 : 0)),
  );
  return {
    id: '',
    item: idx,
    span,
    spanStart: offset + frame.start,
    speaker: info.speaker,
    speakerRole: info.role,
    speakerAffiliation: info.affiliation,
    reportedBy: ownRelays(frame.relays)
      .map((r) => resolver.relayName(r))
      .filter((r) => r && r.toLowerCase() !== info.speaker.toLowerCase()),
    verification: 'unverified',
    verificationEvidence: null,
    confidence: Math.round(confidence * 100) / 100,
    kind: info.kind,
    denial: frame.denial || isDenialContent(span),
    sentence,
    verb: frame.verb,
  };
}

/** Resolves a frame's speaker and records it as the latest one, unless it stays a pronoun. */
function rememberSpeaker(
  resolver: SpeakerResolver,
  frame: Frame,
  idx: number,
  item: string,
): ReturnType<SpeakerResolver['resolve']> | null {
  const resolution = resolver.resolve(frame.speaker!.text, {
    item: idx,
    clauseSubject: frame.clauseSubject?.text ?? null,
    itemText: item,
  });
  if (resolution.info.kind === 'pronoun') return null;
  resolver.remember(resolution.info, idx);
  return resolution;
}

/** "…, he said in the same interview": the occasion an earlier claim of the item named. */
const SAME_OCCASION =
  /\b(?:in|during)\s+(?:the\s+same|that|the)\s+(?:interview|statement|broadcast|call|remarks|appearance|post|letter)\b/i;

/**
 * A claim made "in the same interview" came through the relays of the speaker's earlier claim in
 * the item that named the interview ("told Calder Public Radio …, according to Reuters").
 */
function inheritOccasionRelays(drafts: Draft[]): void {
  drafts.forEach((d, k) => {
    if (d.reportedBy.length || !SAME_OCCASION.test(d.sentence.replace(d.span, ' '))) return;
    for (let j = k - 1; j >= 0 && drafts[j].item === d.item; j--) {
      if (drafts[j].speaker !== d.speaker) continue;
      d.reportedBy = [...drafts[j].reportedBy];
      return;
    }
  });
}

/**
 * "Russia said …" takes the specific body the same item names for the statement ("the Russian
 * Defense Ministry said …").
 */
function specifyVagueSpeakers(drafts: Draft[]): void {
  const byItem = groupByItem(drafts);
  for (const d of drafts) {
    if (d.kind !== 'country') continue;
    const country = countryOf(d.speaker);
    if (!country) continue;
    const body = (byItem.get(d.item) ?? []).find(
      (o) =>
        o !== d && o.item === d.item && o.kind === 'org' && o.speakerAffiliation === country.name,
    );
    if (body) {
      d.speaker = body.speaker;
      d.speakerRole = body.speakerRole;
      d.speakerAffiliation = body.speakerAffiliation;
    } else {
      d.speakerAffiliation = d.speakerAffiliation ?? null;
    }
  }
}
