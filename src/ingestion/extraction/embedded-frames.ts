/**
 * Attributions inside a noun phrase, which the verb-driven frames of `attribution.ts` do not see:
 * "earlier reports by X that A", "TASS quoted the ministry as saying A", "Russia’s claim that A".
 */
import type { Frame, OutletTest, SpeakerPhrase } from './frame.types.js';
import { relayName } from './relays.js';
import { subjectBefore } from './speaker-phrases.js';
import { trimRange, wordCount } from './spans.js';

const REPORTS_BY =
  /\b(?:earlier\s+|initial\s+|local\s+|media\s+|unconfirmed\s+|previous\s+)?(?:reports?|claims?|accounts?|reporting)\s+(?:by|from|in)\s+((?:(?!\bthat\b)[^;])+?),?\s+that\s+/g;

/** "…, contradicting earlier reports by a local outlet, the Bayou Beacon, that A": A is the outlet's. */
export function reportsBy(s: string, from: number, to: number, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  if (!/\b(?:reports?|claims?|accounts?|reporting)\s+(?:by|from|in)\s/.test(s)) return out;
  REPORTS_BY.lastIndex = from;
  for (let m = REPORTS_BY.exec(s); m && m.index < to; m = REPORTS_BY.exec(s)) {
    const speakerStart = m.index + m[0].indexOf(m[1]);
    const start = m.index + m[0].length;
    // "A report by the inspector general found that A": the sentence's own verb frames A; so
    // does "claims by a group calling itself X, which said that A".
    if (frames.some((f) => f.speaker && f.speaker.start >= speakerStart && f.speaker.start < start))
      continue;
    if (
      frames.some(
        (f) =>
          f.start <= speakerStart &&
          speakerStart < f.end &&
          f.speaker &&
          f.speaker.start >= speakerStart,
      )
    )
      continue;
    const [a, b] = trimRange(s, start, to);
    if (wordCount(s.slice(a, b)) < 3) continue;
    for (const f of frames) if (f.start < m.index && f.end > m.index) f.end = m.index;
    out.push({
      kind: 'embedded',
      verb: 'reports',
      speaker: { text: m[1].replace(/,$/, ''), start: speakerStart },
      clauseSubject: null,
      start: a,
      end: b,
      relays: [],
      denial: false,
      explicitness: 0.65,
      clausal: true,
    });
  }
  return out;
}

const QUOTED_AS =
  /\b([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4})\s+(?:also\s+)?quoted\s+((?:the\s+|a\s+|an\s+)?[^,;]{2,80}?)\s+as\s+saying\s*,?\s*(?:that\s+)?/g;
const QUOTED_BY =
  /\s+(?:was|were)\s+(?:also\s+)?quoted\s+(?:by\s+((?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4})\s+)?as\s+saying\s*,?\s*(?:that\s+)?/g;

/** "TASS quoted the ministry as saying …", "X was quoted by Interfax as saying …". */
export function quotedAs(
  s: string,
  from: number,
  to: number,
  frames: Frame[],
  isOutlet: OutletTest,
): Frame[] {
  const out: Frame[] = [];
  if (!s.includes('quoted')) return out;
  for (const re of [QUOTED_AS, QUOTED_BY]) {
    re.lastIndex = from;
    for (let m = re.exec(s); m && m.index < to; m = re.exec(s)) {
      const start = m.index + m[0].length;
      const [a, b] = trimRange(s, start, to);
      if (wordCount(s.slice(a, b)) < 3) continue;
      let speaker: SpeakerPhrase | null;
      let outlet: string | undefined;
      if (re === QUOTED_AS) {
        speaker = {
          text: m[2].replace(/^(?:the|a|an)\s+(?=[A-Z])/, ''),
          start: m.index + m[0].indexOf(m[2]),
        };
        outlet = m[1];
      } else {
        speaker = subjectBefore(s, from, m.index + 1, isOutlet);
        outlet = m[1];
      }
      if (!speaker) continue;
      for (const f of frames) if (f.start <= a && f.end >= b) f.end = f.start; // superseded
      out.push({
        kind: 'embedded',
        verb: 'quoted',
        speaker,
        clauseSubject: null,
        start: a,
        end: b,
        relays: outlet ? [relayName(outlet)] : [],
        denial: false,
        explicitness: 0.85,
        clausal: true,
      });
    }
  }
  return out;
}

const CLAIM_THAT =
  /\b((?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*|the\s+(?:[a-z-]+\s+){0,2}[a-z]+)[’']s?\s+(?:earlier\s+|repeated\s+|initial\s+)?(?:claims?|assertions?|allegations?|accusations?|announcement|insistence|contention|statement)\s+that\s+/g;

/** "Russia’s claim that it captured the town was rejected": the claim is Russia’s. */
export function claimsThat(s: string, from: number, to: number, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  if (
    !/[’']s?\s+(?:\w+\s+)?(?:claims?|assertions?|allegations?|accusations?|announcement|insistence|contention|statement)\s+that\s/.test(
      s,
    )
  )
    return out;
  CLAIM_THAT.lastIndex = from;
  for (let m = CLAIM_THAT.exec(s); m && m.index < to; m = CLAIM_THAT.exec(s)) {
    const start = m.index + m[0].length;
    if (frames.some((f) => f.start <= start && start < f.end)) continue;
    // The claim runs to the verb of the sentence it is the subject of, or to the clause's end.
    const rest = s.slice(start, to);
    const stop =
      /,?\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+\s+)?(?:rejected|denied|disputed|dismissed|contradicted|refuted|challenged|questioned|confirmed|echoed)\b|,\s+(?:which|a claim|an assertion)\b|[;:]\s/.exec(
        rest,
      );
    // "so Korvin’s claim that A is false": the outlet's fact-check, not a claim of Korvin's.
    if (/^[^;]*?\s+(?:is|was|are|were)\s+(?:false|untrue|incorrect|wrong|misleading)\b/.test(rest))
      continue;
    const [a, b] = trimRange(s, start, start + (stop ? stop.index : rest.length));
    if (wordCount(s.slice(a, b)) < 3) continue;
    out.push({
      kind: 'embedded',
      verb: 'claims',
      speaker: { text: m[1], start: m.index },
      clauseSubject: null,
      start: a,
      end: b,
      relays: [],
      denial: false,
      explicitness: 0.6,
      clausal: true,
    });
  }
  return out;
}
