/**
 * Wrappers around a whole sentence: "According to X, A", "A, according to X", "A, per X",
 * "A, Reuters reported(, citing Y)". They are relays when the sentence has a frame of its own and
 * the speaker when it has none.
 */
import type { OutletTest } from './frame.types.js';
import { isCitedDocument } from './relays.js';

export interface Wrapper {
  source: string;
  /** Where the wrapper sits in the sentence. */
  start: number;
  end: number;
  /** A news outlet's "reported" (its own report when the sentence has no frame). */
  outlet: boolean;
  /** The source the outlet cited ("Reuters reported, citing officials"). */
  cited: string | null;
}

/** "According to the tender file, which The Lantern has published, A": the aside is not A. */
const ACCORDING_START =
  /^\s*(?:But\s+|And\s+)?[Aa]ccording to\s+([^,]{2,120}?)\s*,\s*(?:(?:which|who|whose)\b[^,]{0,120},\s*)?/;
const ACCORDING_END =
  /,?[”"]?\s*(?:[—–-]\s*)?(?:all\s+)?according to\s+([^,;]{2,140}?(?:,\s+(?!(?:most|all|some|many|none|both|each|including|mostly|half|one|two|three|that)\b)(?:the\s+|a\s+|an\s+)?[^,;]{2,60}?)?)(?:,\s*((?:which|who)\b[^.]*|citing\s+[^.]*|(?:most|all|some|many|none|both|including|mostly)\b[^.]*))?[.!?]?[”"’]?\s*$/;
const PER_END =
  /,\s*(?:per|as reported by|reported by|as cited by|quoted by|cited by|as quoted by)\s+([^,;]{2,80}?)[.!?]?[”"’]?\s*$/;
const OUTLET_END =
  /,[”"’]?\s+((?:the\s+)?(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:reported|reports|said|says|wrote|writes|announced)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|late\s+\w+|overnight)(?:\s+(?:morning|afternoon|evening|night))?)?(?:,\s*citing\s+([^.;]{2,120}?))?[.!?]?[”"’]?\s*$/;

export function findWrappers(
  s: string,
  isOutlet: OutletTest,
): { wrappers: Wrapper[]; from: number; to: number } {
  const wrappers: Wrapper[] = [];
  let from = 0;
  let to = s.length;
  const start = ACCORDING_START.exec(s);
  if (start) {
    wrappers.push({ source: start[1], start: 0, end: start[0].length, outlet: false, cited: null });
    from = start[0].length;
  }
  for (let guard = 0; guard < 3; guard++) {
    const tail = s.slice(from, to);
    const acc = tail.includes('ccording to') ? ACCORDING_END.exec(tail) : null;
    if (acc && acc.index > 0) {
      wrappers.push({
        source: acc[1],
        start: from + acc.index,
        end: to,
        outlet: false,
        cited: null,
      });
      to = from + acc.index;
      continue;
    }
    const per = /\b(?:per|by)\s/.test(tail) ? PER_END.exec(tail) : null;
    if (per && per.index > 0) {
      wrappers.push({
        source: per[1],
        start: from + per.index,
        end: to,
        outlet: true,
        cited: null,
      });
      to = from + per.index;
      continue;
    }
    const out = /\b(?:reported|reports|said|says|wrote|writes|announced)\b[^,;]{0,40}$|citing/.test(
      tail,
    )
      ? OUTLET_END.exec(tail)
      : null;
    if (out && out.index > 0 && isOutlet(out[1])) {
      wrappers.push({
        source: out[1],
        start: from + out.index,
        end: to,
        outlet: true,
        cited: out[2] && !isCitedDocument(out[2]) ? out[2] : null,
      });
      to = from + out.index;
      continue;
    }
    break;
  }
  return { wrappers, from, to };
}
