/**
 * Stage 3: the attribution frames of one sentence. A frame is a speaker phrase, a reporting verb
 * (or "according to"), and the stretch of the sentence that is the statement:
 *
 *   X said (that) A            — content after the verb
 *   A, X said(, B)             — content before the attribution
 *   “A,” said X                — inverted attribution
 *   X said A and that B        — one claim per complement clause
 *   …, saying (that) A         — a participle, credited to the clause's subject
 *   X accused Y of A           — the object is the statement
 *   nouns it says are A        — an attribution inside a noun phrase
 *   According to X, A / A, according to X / A, X reported — wrappers: relays when the sentence
 *                                has its own frame, the speaker when it has none
 *
 * The pieces live beside it: speaker-phrases.ts (who), verb-complements.ts (what follows a verb),
 * wrappers.ts (according to …), embedded-frames.ts (attributions inside a noun phrase), spans.ts.
 * Offsets are in the sentence. Speakers come out as phrases as written; `speakers.ts` resolves them.
 */
import { claimsThat, quotedAs, reportsBy } from './embedded-frames.js';
import type { Frame, FrameKind, OutletTest, SpeakerPhrase } from './frame.types.js';
import { PRONOUN_RE, tokenize } from './phrases.js';
import { isCitedDocument, isOutletPhrase, relayName } from './relays.js';
import { subjectAt, subjectBefore } from './speaker-phrases.js';
import { closingQuoteAfter, insideQuote, trimRange, wordCount } from './spans.js';
import { rightSide, verbHits } from './verb-complements.js';
import {
  CLAUSE_ONLY_VERBS,
  CONTESTING_PARTICIPLES,
  DENIAL_VERBS,
  OBJECT_VERBS,
  REPORT_VERBS,
  THAT_ONLY_VERBS,
  DOCUMENT_VERBS,
} from './verbs.js';
import { findWrappers } from './wrappers.js';

const COORDINATE_BEFORE =
  /(?:,\s*|\s+)(?:and|but)\s+(?:(?:also|later|then|further|again|has|had|have)\s+)*$/;
const PARTICIPLE_BEFORE = /,[”"]?\s+(?:(?:also|while|before|after)\s+)?$/;
const TIME_CLAUSE =
  /,\s+(?:(?:a|an|one|two|three|four|five|six|several|some|just|only|hours|days|weeks|months|\w+)\s+(?:hours?|days?|weeks?|months?|years?)\s+)?(?:after|before|since|when|days\s+after)\s+$/;
const WITH_BEFORE = /,\s+with\s+((?:[\w’'.-]+\s+){1,8}?)(?:also\s+)?$/;

/** ", a charge the U.N. rejected as …": a comment on the statement, by another party. */
const COMMENT_RE =
  /,\s+((?:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|figure|version|characterization|contention|report)s?\s+(?:that\s+|which\s+)?((?:the\s+)?(?:[A-Z][\w’'.-]*|[a-z][\w’'.-]*(?=\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:rejected|denied|dismissed|disputed|refuted|contested)\b))(?:\s+[\w’'.-]+){0,5}?)\s+((?:has\s+|have\s+|had\s+|also\s+)?(?:rejected|denied|dismissed|disputed|disputes|denies|rejects|refuted|contested|contradicted|did\s+not|has\s+not|have\s+not|declined|could\s+not|would\s+not))\b[^;]*?)[.”"’]*$/;

const CLAUSAL_REFERENCE =
  /^(?:[\w’'-]+\s+)?(?:accusations?|allegations?|claims?|charges?|reports?|account|version|story|figures?|findings?|assessment|suggestions?)\b/i;
/** "the union’s claim that …", "the agency’s report that …": an account named, then its content. */
const REPORT_THAT =
  /^(?:the\s+)?(?:[\p{L}’'.-]+\s+){0,4}?(?:claims?|reports?|allegations?|accusations?|suggestions?|assertions?|account)\s+that\s+/iu;
const CONFIRMING_VERB = /^(?:confirmed|confirms|confirm|acknowledged|acknowledges)$/i;
const DOCUMENT_SUBJECT =
  /\b(?:survey|poll|projection|forecast|model|study|report|analysis|estimate|tally|count|census|audit)s?\b/i;
const REFERENCE_OBJECT =
  /^(?:the|these|those|such|any|all|that|this|earlier|previous|his|her|its|their|Western|media)?\s*(?:[\w’'-]+\s+){0,2}?(?:accusations?|allegations?|claims?|charges?|reports?|assertions?|suggestions?|reporting|account|calculations?|figures?|numbers|estimates?|findings?|assessment|ruling|verdict|analysis|conclusions?|version|story|videos?|footage|photos?|photographs?|images?|clips?|recordings?|it|this|that|them|rumou?rs?)\b/i;

/** The attribution frames of one sentence. */
export function findFrames(s: string, outlets?: ReadonlySet<string>): Frame[] {
  return framesOf(s, (phrase) => isOutletPhrase(phrase, outlets));
}

function framesOf(s: string, isOutlet: OutletTest): Frame[] {
  const found = findWrappers(s, isOutlet);
  const { wrappers, from } = found;
  let to = found.to;
  const commentFrames: Frame[] = [];
  const comment =
    /,\s+(?:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|figure|version|characterization|contention|report)/.test(
      s,
    )
      ? COMMENT_RE.exec(s.slice(from, to))
      : null;
  if (comment) {
    const at = from + comment.index;
    const denialVerb =
      /(?:rejected|denied|dismissed|disputed|disputes|denies|rejects|refuted|contested|contradicted)$/.test(
        comment[3],
      );
    if (denialVerb) {
      const spanStart = at + comment[0].indexOf(comment[1]);
      const [a, b] = trimRange(s, spanStart, spanStart + comment[1].length);
      const subjectStart = at + comment[0].indexOf(comment[2]);
      commentFrames.push({
        kind: 'embedded',
        verb: comment[3],
        speaker: { text: comment[2], start: subjectStart },
        clauseSubject: null,
        start: a,
        end: b,
        relays: [],
        denial: true,
        explicitness: 0.7,
      });
    }
    to = at;
  }
  const hits = verbHits(s, from, to);
  const confirmations: Frame[] = [];
  const frames: Frame[] = [];
  // The clause's own subject, found only when a frame needs it (most sentences have none).
  let subject: SpeakerPhrase | null | undefined;
  const mainSubject = () => (subject === undefined ? (subject = subjectAt(s, from, to)) : subject);

  interface Pending {
    frame: Frame;
    rightOpen: boolean;
    /** "A, X said, B": B is X's, frames inside it are relayed by X. */
    continuationFrom: number | null;
  }
  const pending: Pending[] = [];

  for (const hit of hits) {
    const lower = hit.verb.toLowerCase();
    const before = s.slice(from, hit.start);
    // "A report by the inspector general", "the claims": after a determiner the word is a noun.
    if (
      /(?:^|\s)(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+$/.test(
        before,
      )
    )
      continue;
    // ", a claim the army denied": the verb belongs to a reference, not to a new speaker.
    if (
      /,\s+(?:a|an|the)\s+(?:claim|charge|accusation|allegation|assertion|account|report|version)\s+(?:that\s+|which\s+)?(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}\s+(?:has\s+|have\s+|had\s+)?$/.test(
        before,
      ) &&
      DENIAL_VERBS.has(lower)
    )
      continue;
    // "photos said to show …", "is said to have": a passive, not an attribution.
    const toInfinitive = /^\s+to\s+(show|depict|contain|include|be|have)\b/.exec(
      s.slice(hit.end, hit.end + 20),
    );
    if (
      toInfinitive &&
      (/\b(?:is|are|was|were|been|being)\s+$/.test(before) ||
        (/^(?:said|reported|alleged)$/.test(lower) &&
          /^(?:show|depict|contain|include)$/.test(toInfinitive[1])))
    )
      continue;
    let speaker: SpeakerPhrase | null;
    let kind: FrameKind = 'speech';
    let cutAt: number;
    let explicitness = 0.9;

    if (hit.participle) {
      const withM = WITH_BEFORE.exec(before);
      if (withM) {
        const phraseText = withM[1].trim();
        const phraseStart = from + withM.index + withM[0].indexOf(phraseText);
        const sub = subjectBefore(s, phraseStart, phraseStart + phraseText.length + 1, isOutlet);
        if (!sub) continue;
        speaker = sub;
        cutAt = from + withM.index;
        kind = 'participle';
        explicitness = 0.75;
      } else if (PARTICIPLE_BEFORE.test(before)) {
        const prev = pending[pending.length - 1];
        speaker = prev?.frame.speaker ?? mainSubject();
        if (!speaker) continue;
        cutAt = from + before.lastIndexOf(',');
        kind = 'participle';
        explicitness = 0.75;
      } else continue;
      if (lower === 'citing') continue; // "…, citing X": handled with the statement it ends
      if (CONTESTING_PARTICIPLES.has(lower)) {
        // "…, contradicting earlier reports": ends the statement before it, states nothing itself.
        for (const p of pending)
          if (p.rightOpen && p.frame.end > cutAt && p.frame.start < cutAt) p.frame.end = cutAt;
        continue;
      }
    } else if (COORDINATE_BEFORE.test(before) && !/\b(?:and|but)\s+(?:the|a)\s*$/.test(before)) {
      const prev = pending[pending.length - 1];
      speaker = prev?.frame.speaker ?? mainSubject();
      if (!speaker) continue;
      cutAt = from + (COORDINATE_BEFORE.exec(before)?.index ?? before.length);
      kind = 'coordinate';
      explicitness = 0.8;
    } else {
      // Inverted: "…,” said Peskov." / "…, said the ministry."
      const inv = /^\s+((?:the\s+)?[^,.;:“”"]{1,80}?)\s*(?=[,.;:]|$)/.exec(s.slice(hit.end, to));
      const sayVerb =
        /^(?:said|says|added|adds|wrote|writes|asked|insisted|continued|explained|noted|warned|declared|stated|claimed|argued|recalled|countered|replied|responded|tweeted|posted)$/.test(
          lower,
        );
      if (
        sayVerb &&
        /[,”"]\s*$/.test(before) &&
        inv &&
        !/^\s+that\b/.test(s.slice(hit.end, to)) &&
        !(/,\s*$/.test(before) && subjectBefore(s, from, hit.start, isOutlet))
      ) {
        const invStart = hit.end + inv[0].indexOf(inv[1]);
        const sub = subjectBefore(s, invStart, invStart + inv[1].length, isOutlet);
        let subAll = sub && sub.start === invStart ? sub : null;
        // "…, said Pieter Vallance, a spokesman for the City of Halden.": the title closes it.
        const title = /^,\s+((?:a|an|the)\s+[^,;:“”"]{2,80}?)[.!?]?\s*$/.exec(
          s.slice(invStart + inv[1].length, to),
        );
        if (subAll && title) subAll = { ...subAll, text: `${subAll.text}, ${title[1]}` };
        if (subAll && !PRONOUN_RE.test(subAll.text) && wordCount(before) >= 3) {
          const [a, b] = trimRange(s, from, from + before.length);
          frames.push({
            kind: 'inverted',
            verb: hit.verb,
            speaker: subAll,
            clauseSubject: subAll,
            start: a,
            end: b,
            relays: [],
            denial: DENIAL_VERBS.has(lower),
            explicitness: 0.9,
          });
          pending.push({
            frame: frames[frames.length - 1],
            rightOpen: false,
            continuationFrom: null,
          });
          continue;
        }
      }
      speaker = subjectBefore(s, from, hit.start, isOutlet);
      if (!speaker) continue;
      // ", citing intelligence reports, said", "…, confirming the CNN report.": a noun inside a
      // participial aside is not a verb.
      if (
        /^(?:citing|quoting|according|confirming|corroborating|echoing|contradicting|disputing|denying|rejecting|repeating|backing|asked|pressed|questioned|responding|reacting|commenting)\b/i.test(
          speaker.text,
        )
      )
        continue;
      // "shows", "puts", "projects" attribute only what a survey or a projection states ("MKF
      // said its own counts showed …" is MKF's statement).
      if (
        DOCUMENT_VERBS.has(lower) &&
        (!DOCUMENT_SUBJECT.test(speaker.text) ||
          /\b(?:said|says|told|tells|reported|wrote|added)\b/.test(speaker.text))
      )
        continue;
      cutAt = speaker.start;
      // "reported" by a news outlet with a that-clause is still the outlet's statement.
    }

    const right = rightSide(s, hit, to, isOutlet);
    const leftStart = Math.max(from, lastFrameEnd(pending, hit.start));
    const leftText = s.slice(
      leftStart,
      speaker.start >= 0 && kind === 'speech' ? speaker.start : cutAt,
    );
    const hasLeft = kind === 'speech' && wordCount(leftText) >= 3 && /,[”"’]?\s*$/.test(leftText);
    const rightText = s.slice(right.contentStart, to);
    let frame: Frame;
    let rightOpen = false;
    let continuationFrom: number | null = null;

    const rightClause = rightText.split(
      /,\s+(?:saying|adding|noting|insisting|warning|claiming|stressing|arguing|explaining|according)\b|;\s/,
    )[0];
    // "told supporters in the ballroom of the hotel, with …": an adverbial tail, not a statement.
    const shortTail =
      !right.quote &&
      wordCount(rightClause.split(/,\s/)[0]) <= 14 &&
      /^\s*(?:in|at|on|of|during|via|through|from|to|after|before|with|for|by|as|while|when|late|early|last|this|outside|inside|near|beside|ahead|following|amid|despite|over|under|throughout|across|upon)\b/i.test(
        rightClause,
      ) &&
      !/\bthat\b/.test(rightClause);
    if (
      hasLeft &&
      (right.commaAfter ||
        shortTail ||
        wordCount(rightText) === 0 ||
        (!right.quote && /^\s*[.!?”"]*\s*$/.test(rightText)))
    ) {
      const [a, b] = trimRange(s, leftStart, speaker.start);
      frame = {
        kind: 'trailing',
        verb: hit.verb,
        speaker,
        clauseSubject: speaker,
        start: a,
        end: b,
        relays: [...right.relays, ...(speaker.relays ?? [])],
        denial: DENIAL_VERBS.has(lower),
        explicitness,
      };
      if (right.commaAfter && wordCount(rightText) > 0) continuationFrom = right.contentStart;
    } else {
      if (wordCount(rightText) < 2) continue;
      const between = s.slice(hit.end, right.contentStart);
      if (THAT_ONLY_VERBS.has(lower) && !/\bthat\b/.test(between)) continue;
      if (
        CLAUSE_ONLY_VERBS.has(lower) &&
        !/\bthat\b/.test(between) &&
        !right.quote &&
        !/\b(?:is|are|was|were|has|had|have|will|would|could|can|did|does|do|had been|has been)\b/.test(
          rightText.split(
            /[,;]|\b(?:it|he|she|they|we)\s+(?:says|said|claims|claimed|believes)\b/,
          )[0],
        )
      ) {
        // "The Pentagon confirmed the strike": no claim of its own, but a confirmation of one.
        if (
          /^(?:confirmed|confirms|confirming|acknowledged|acknowledges)$/.test(lower) &&
          !/\b(?:not|neither|nor|never)\b/.test(before)
        ) {
          const [a, b] = trimRange(s, right.contentStart, to);
          confirmations.push({
            kind,
            verb: hit.verb,
            speaker,
            clauseSubject: speaker,
            start: a,
            end: b,
            relays: [],
            denial: false,
            explicitness,
            reference: true,
          });
        }
        // "…, confirming the TV report": the statement before it ends there.
        if (kind === 'participle')
          for (const p of pending)
            if (p.rightOpen && p.frame.end > cutAt && p.frame.start < cutAt) p.frame.end = cutAt;
        continue;
      }
      if (
        kind === 'speech' &&
        hasLeft &&
        !right.quote &&
        !/^\s*that\b/.test(s.slice(hit.end, right.contentStart + 5))
      ) {
        // "A, X said B" without a comma after the verb is unusual; trust the right side.
        explicitness -= 0.1;
      }
      const embedded = kind === 'speech' ? isEmbedded(s, from, speaker) : null;
      let start = right.contentStart;
      if (embedded !== null) {
        start = embedded;
        kind = 'embedded';
        explicitness = 0.6;
      }
      // "The Courier reported, citing two officials, that A": the officials say A through it.
      const cited =
        right.cited && isOutlet(speaker.text) && !isCitedDocument(right.cited) ? right.cited : null;
      frame = {
        kind,
        verb: hit.verb,
        speaker: cited ? { text: cited, start: -1 } : speaker,
        clauseSubject: PRONOUN_RE.test(speaker.text) ? mainSubject() : speaker,
        start,
        end: to,
        relays: cited
          ? [relayName(speaker.text), ...right.relays]
          : [...right.relays, ...(speaker.relays ?? [])],
        denial: DENIAL_VERBS.has(lower),
        explicitness: OBJECT_VERBS.has(lower) ? explicitness - 0.05 : explicitness,
        clausal: right.quote || /\bthat\b/.test(between),
      };
      rightOpen = true;
      // "…, and urged both sides to …", "… and would publish a revised toll", "…, but would
      // not say how much": a demand, an intention or a refusal joined to the statement is not
      // part of it.
      const act =
        /,?\s+and\s+(?:also\s+)?(?:urged|called\s+(?:on|for)|vowed|demanded|pledged|asked|appealed|promised|threatened|condemned|praised|welcomed|thanked|(?:would|will)\s+(?!have\b|be\b|not\b)[a-z]+)\b|,\s+but\s+(?:would|could|did)\s+not\s+(?:say|disclose|specify|comment|elaborate|give|confirm)\b/.exec(
          s.slice(start, frame.end),
        );
      if (act && !insideQuote(s, start, start + act.index)) frame.end = start + act.index;
      for (let k = start; k < frame.end - 1; k++) {
        if (s[k] === ';' && /\s/.test(s[k + 1]) && !insideQuote(s, start, k)) {
          frame.end = k;
          break;
        }
      }
      if (speaker.start >= 0 && insideQuote(s, 0, speaker.start)) {
        const close = closingQuoteAfter(s, right.contentStart, to);
        if (close > 0) frame.end = close;
      }
    }
    frames.push(frame);
    pending.push({ frame, rightOpen, continuationFrom });
    // An open right-side frame before this one ends where this attribution begins.
    for (const p of pending) {
      if (p.frame === frame || !p.rightOpen) continue;
      // "the group has claimed, she said": content that is only this attribution is none.
      if (p.frame.start === cutAt && frame.kind === 'trailing') {
        p.frame.end = p.frame.start;
        continue;
      }
      if (p.frame.start >= cutAt || p.frame.end <= cutAt) continue;
      // Only the words just before the attribution matter; a short tail keeps this linear.
      const tailStart = Math.max(p.frame.start, cutAt - 80);
      const upTo = s.slice(tailStart, cutAt);
      const boundary =
        kind !== 'speech' ||
        /(?:[,;:]\s*(?:and|but|while|as|whereas|although|though|even as)?\s*|\s+(?:and|but|while|whereas)\s+)$/.test(
          upTo,
        );
      // "A, a week after the company said B": a time clause holding another attribution.
      const timeClause = TIME_CLAUSE.exec(upTo);
      if (boundary || timeClause) {
        const endAt = timeClause
          ? tailStart + timeClause.index
          : kind === 'speech' || kind === 'embedded'
            ? Math.min(cutAt, speaker.start >= 0 ? speaker.start : cutAt)
            : cutAt;
        p.frame.end = Math.max(p.frame.start, endAt);
      }
    }
  }

  // Frames inside "A, X said, B" continuations are relayed by X; a frame inside another frame's
  // right-side content (a nested report) is too.
  const result: Frame[] = [];
  for (const p of pending) {
    const f = p.frame;
    if (f.speaker === null) continue;
    const [a, b] = trimRange(s, f.start, f.end);
    if (b - a < 3 || wordCount(s.slice(a, b)) < 2) continue;
    f.start = a;
    f.end = b;
    result.push(f);
  }
  for (const outer of pending) {
    if (outer.continuationFrom === null) continue;
    for (const inner of result) {
      if (inner === outer.frame || !inner.speaker) continue;
      // "A, X said, when “Energoatom … announced B”": quoted words carried by X.
      if (
        inner.speaker.start >= outer.continuationFrom &&
        insideQuote(s, outer.continuationFrom, inner.speaker.start)
      ) {
        inner.relays = [...inner.relays, speakerRelay(outer.frame)];
      }
    }
  }
  // A frame whose attribution sits inside another frame's content: when the outer speaker is an
  // outlet it relays the inner statement (and makes no claim of its own); otherwise the inner
  // report is part of the outer statement.
  const dropped = new Set<Frame>();
  for (const outer of result) {
    for (const inner of result) {
      if (inner === outer || dropped.has(inner) || !inner.speaker || inner.speaker.start < 0)
        continue;
      if (inner.kind === 'participle' || inner.kind === 'coordinate') continue;
      if (inner.speaker.start >= outer.start && inner.speaker.start < outer.end) {
        if (isOutlet(outer.speaker!.text) && REPORT_VERBS.has(outer.verb.toLowerCase())) {
          inner.relays = [...inner.relays, speakerRelay(outer)];
          dropped.add(outer);
        } else dropped.add(inner);
      }
    }
  }
  let kept = result.filter((f) => !dropped.has(f));
  for (const f of kept) {
    const [a, b] = trimRange(s, f.start, f.end);
    f.start = a;
    f.end = b;
  }
  kept = kept.filter((f) => wordCount(s.slice(f.start, f.end)) >= 2);

  // Wrappers: relays of the sentence's frames, or the speaker when there is none.
  if (wrappers.length) {
    // The statement the wrapper itself carries: all of it, or, when a frame of its own starts
    // later ("According to a readout, the two discussed A and Mensk told her that B"), what
    // comes before that frame's speaker.
    const ownEnd = kept.length
      ? Math.min(
          ...kept.map((f) => (f.speaker && f.speaker.start >= 0 ? f.speaker.start : f.start)),
        )
      : to;
    if (kept.length) {
      // The wrapper nearest the end is the outermost; nearest to the page comes first.
      const outer = wrappers.map((w) => relayName(w.source));
      for (const f of kept) f.relays = [...outer, ...f.relays];
    }
    const w = wrappers[0];
    const [a, b] = trimRange(s, from, ownEnd);
    if ((!kept.length || (w.start === 0 && from > 0)) && wordCount(s.slice(a, b)) >= 3) {
      const cited = w.cited;
      kept.push({
        kind: w.outlet ? 'outlet' : 'according',
        verb: w.outlet ? 'reported' : 'according to',
        speaker: {
          text: cited ?? w.source,
          start: cited ? -1 : w.start + Math.max(0, s.slice(w.start, w.end).indexOf(w.source)),
        },
        clauseSubject: mainSubject(),
        start: a,
        end: b,
        relays: [
          ...wrappers.slice(1).map((x) => relayName(x.source)),
          ...(cited ? [relayName(w.source)] : []),
        ],
        denial: false,
        explicitness: w.outlet ? 0.8 : 0.85,
      });
      kept.sort((x, y) => x.start - y.start);
    }
  }
  for (const f of kept) f.clauseSubject = f.clauseSubject ?? mainSubject();
  const reported = [
    ...reportsBy(s, from, to, kept),
    ...quotedAs(s, from, to, kept, isOutlet),
    ...claimsThat(s, from, to, kept),
  ];
  const own = kept.filter((f) => f.end > f.start);
  return [
    ...splitCoordinatedThat(s, refineFrames(s, own, isOutlet)),
    ...commentFrames,
    ...reported,
    ...confirmations,
  ];
}

/** "… called the accusation “a fabrication” and said …": the statement that follows denies. */
/** "rejected that accusation, saying …": a denial by reference; what follows carries it. */
const REFERENCE_DENIAL =
  /\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?:the|that|this|these|those|such|any|all|his|her|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:accusations?|allegations?|claims?|charges?|reports?|assertions?|suggestions?|account|characteri[sz]ation)\b/i;
const DISMISSAL =
  /\b(?:called|described|dismissed|branded|labell?ed|termed)\b[^.;]{0,60}?\b(?:lies?|fabricat\w*|false|baseless|propaganda|nonsense|fake|absurd|groundless|unfounded|slander\w*|fiction|invented|untrue)\b/i;

/**
 * Last touches: "…, citing X" ends a statement (and names the source when an outlet reported
 * it); a denial of a reference ("denied the accusation, saying …") is no claim of its own but
 * makes the statements that follow it denials.
 */
function refineFrames(s: string, frames: Frame[], isOutlet: OutletTest): Frame[] {
  const out: Frame[] = [];
  let denialSpeaker: string | null = null;
  for (const f of frames) {
    const text = s.slice(f.start, f.end);
    const citing = /,\s*citing\s+(.+)$/.exec(text);
    // "Two diplomats, citing intelligence reports, said …": an aside of the subject, not the source.
    if (citing && !/,\s+(?:said|says|told|tells|added|wrote|claimed|alleged)\b/.test(citing[1])) {
      f.end = f.start + citing.index;
      if (f.speaker && isOutlet(f.speaker.text) && !isCitedDocument(citing[1])) {
        f.relays = [relayName(f.speaker.text), ...f.relays];
        f.speaker = { text: citing[1].replace(/[.”"’]+$/, ''), start: -1 };
      }
      const [a, b] = trimRange(s, f.start, f.end);
      f.start = a;
      f.end = b;
    }
    // "confirmed the agency’s report that A": what is confirmed is A, said by the confirmer.
    const reported = REPORT_THAT.exec(s.slice(f.start, f.end));
    if (reported && !f.denial && CONFIRMING_VERB.test(f.verb)) f.start += reported[0].length;
    const content = s.slice(f.start, f.end);
    if (
      f.denial &&
      f.kind !== 'trailing' &&
      // "rejected that account late on Tuesday": "that" was a determiner, not a clause.
      (((!f.clausal || (CLAUSAL_REFERENCE.test(content) && wordCount(content) <= 5)) &&
        REFERENCE_OBJECT.test(content) &&
        wordCount(content) <= 8) ||
        // "rejected the union’s claim that inspections had been cut, saying …"
        REPORT_THAT.test(content))
    ) {
      denialSpeaker = f.speaker?.text ?? null;
      out.push({ ...f, reference: true });
      continue;
    }
    if (
      (f.kind === 'participle' || f.kind === 'coordinate') &&
      ((denialSpeaker && f.speaker?.text === denialSpeaker) ||
        DISMISSAL.test(s.slice(0, f.start)) ||
        REFERENCE_DENIAL.test(s.slice(0, f.start)))
    ) {
      f.denial = true;
    }
    out.push(f);
  }
  return out;
}

function lastFrameEnd(pending: { frame: Frame; rightOpen: boolean }[], before: number): number {
  let end = 0;
  for (const p of pending) {
    if (p.frame.speaker && p.frame.speaker.start >= 0 && p.frame.speaker.start < before) {
      // the content of a left-side frame that came before ends at its speaker; the next left-side
      // content starts after its attribution
      if (!p.rightOpen) end = Math.max(end, p.frame.speaker.start + p.frame.speaker.text.length);
    }
  }
  return end;
}

function speakerRelay(f: Frame): string {
  return f.speaker ? relayName(f.speaker.text) : '';
}

/** "elites and companies it says are aiding …": the statement starts at the noun phrase. */
function isEmbedded(s: string, from: number, speaker: SpeakerPhrase): number | null {
  if (
    !PRONOUN_RE.test(speaker.text) &&
    !/^(?:which|that|who)\s/i.test(s.slice(Math.max(0, speaker.start - 6), speaker.start))
  ) {
    if (!PRONOUN_RE.test(speaker.text)) return null;
  }
  const tokens = tokenize(s, from, speaker.start);
  if (!tokens.length) return null;
  const prev = tokens[tokens.length - 1];
  if (/[,;:”"]$/.test(prev.raw)) return null;
  if (
    /^(?:that|which|who|and|but|because|as|when|while|if|so|since|after|before|than|where|what|saying|said|says|whom|whether|though|although|how|why|once|until)$/i.test(
      prev.core,
    )
  )
    return null;
  if (!/^[a-z]/.test(prev.core)) return null;
  // Walk back over the noun phrase to a preposition or a verb-ish boundary.
  let k = tokens.length - 1;
  let steps = 0;
  while (k > 0 && steps < 6) {
    const t = tokens[k - 1];
    if (/[,;:”"]$/.test(t.raw)) break;
    if (
      /^(?:on|of|against|for|to|with|at|from|by|about|in|over|into|onto|toward|towards|include|including|targeting|hit|struck|are|is|were|was|has|have|had)$/i.test(
        t.core,
      )
    )
      break;
    k--;
    steps++;
  }
  return tokens[k].start;
}

/** "said that A and that B" gives two claims; so does "A but that B". */
function splitCoordinatedThat(s: string, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  for (const f of frames) {
    const text = s.slice(f.start, f.end);
    // "…, and that is all": "that" before a verb is a pronoun, not a second complement. A bare
    // comma joins complements too ("that A, that B and that C") when a subject follows it, not
    // a verb ("the loans, that appear nowhere").
    const re =
      /(?:,?\s+(?:and|but)\s+that(?!\s+(?:is|was|[’']s|has|had|will|would|does|did)\b)|,\s+that(?=\s+(?:(?:the|a|an|its|his|her|their)\b|\d|\p{Lu})))\s*,?\s*/gu;
    let last = 0;
    let m: RegExpExecArray | null;
    const pieces: [number, number][] = [];
    while ((m = re.exec(text))) {
      if (insideQuote(text, 0, m.index)) continue;
      pieces.push([last, m.index]);
      last = m.index + m[0].length;
    }
    pieces.push([last, text.length]);
    if (pieces.length === 1) {
      out.push(f);
      continue;
    }
    for (const [a, b] of pieces) {
      const [x, y] = trimRange(s, f.start + a, f.start + b);
      if (wordCount(s.slice(x, y)) >= 2) out.push({ ...f, start: x, end: y });
    }
  }
  return out;
}
