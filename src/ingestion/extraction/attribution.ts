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
 * Offsets are in the sentence. Speakers come out as phrases as written; `speakers.ts` resolves them.
 */
import {
  isHeadWord,
  isCapitalized,
  isPhraseWord,
  PRONOUN_RE,
  tokenize,
  type Token,
} from './phrases.js';
import { relayFromAdverbial, relayName, isOutletPhrase as isListedOutlet } from './relays.js';

/** Outlets the briefing introduced, for the duration of one `findFrames` call. */
let knownOutlets: ReadonlySet<string> | undefined;

function isOutletPhrase(phrase: string): boolean {
  return isListedOutlet(phrase, knownOutlets);
}
import {
  ADDRESSEE_VERBS,
  DENIAL_VERBS,
  CLAUSE_ONLY_VERBS,
  CONTESTING_PARTICIPLES,
  FINITE_VERBS,
  OBJECT_VERBS,
  PARTICIPLES,
  THAT_ONLY_VERBS,
  REPORT_VERBS,
} from './verbs.js';

export type FrameKind =
  | 'speech' // X said that A / X said A
  | 'trailing' // A, X said
  | 'inverted' // A, said X
  | 'participle' // …, saying A
  | 'coordinate' // X did Y and said A
  | 'embedded' // nouns it says are A
  | 'according' // according to X, A (no speech verb of its own)
  | 'outlet' // A, Reuters reported (the outlet's own report)
  | 'continuation'; // a quote sentence with no attribution of its own

export interface SpeakerPhrase {
  text: string;
  /** Relays named in an aside between subject and verb ("speaking to Al Jazeera"). */
  relays?: string[];
  /** Offset of the phrase in the sentence, or -1 when the phrase was inferred. */
  start: number;
}

export interface Frame {
  kind: FrameKind;
  /** The verb as written ("said", "according to"). */
  verb: string;
  /** The speaker as written; `null` for a continuation (the speaker comes from context). */
  speaker: SpeakerPhrase | null;
  /** The clause subject, for resolving "it" and for participles. */
  clauseSubject: SpeakerPhrase | null;
  /** Content offsets in the sentence, already trimmed to the span rules. */
  start: number;
  end: number;
  /** Intermediaries, nearest to the page first, as names. */
  relays: string[];
  /** Whether the statement is a denial (by verb). */
  denial: boolean;
  /** 0–1: how explicit the frame is. */
  explicitness: number;
  /** Whether the statement came as a that-clause or a quotation (not a bare object). */
  clausal?: boolean;
  /** A denial of something named only by reference ("denied the report"): no claim of its own. */
  reference?: boolean;
}

const ADVERB_BEFORE_VERB = new Set([
  'has',
  'have',
  'had',
  'also',
  'later',
  'earlier',
  'previously',
  'separately',
  'reportedly',
  'repeatedly',
  'again',
  'further',
  'then',
  'already',
  'recently',
  'publicly',
  'officially',
  'initially',
  'first',
  'now',
  'once',
  'subsequently',
  'since',
  'likewise',
  'similarly',
  'specifically',
  'privately',
  'separately',
  'themselves',
  'itself',
  'himself',
  'herself',
  'previously',
  'late',
  'early',
  'last',
  'on',
  'this',
  'meanwhile',
  'however',
  'too',
  'all',
  'both',
  'had',
  'often',
  'long',
  'flatly',
  'strongly',
  'vehemently',
  'firmly',
  'categorically',
  'quickly',
  'swiftly',
  'immediately',
  'angrily',
  'openly',
  'falsely',
  'wrongly',
  'baselessly',
  'repeatedly',
  'has',
  'yet',
]);

const TIME_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|overnight|morning|afternoon|evening|night|week|weekend|month|year|earlier|later)$/i;

/** Sticky patterns skipped right after a reporting verb; group 1, when set, may name a relay. */
const ACCORDING_MID =
  /\s*,\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|per)\s+([^,;]{2,80}?)\s*,/y;

const POST_VERB_ADVERBIALS: RegExp[] = [
  /\s*,?\s*(?:on\s+|late\s+|early\s+|last\s+|this\s+|earlier\s+|later\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|overnight|earlier|later|previously|recently|again|also|separately|publicly|privately|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning|afternoon|evening)|earlier\s+(?:this|in\s+the)\s+(?:week|month|year|day))(?:\s+(?:morning|afternoon|evening|night))?\b/y,
  /\s*,?\s*(?:in|at|during|after|before|via|through|on)\s+(?:a|an|the|his|her|its|their|[A-Z][\w’'.-]*[’']s|[A-Z][\w’'.-]*)\s+(?:[\w’'.-]+\s+){0,5}?(?:statement|statements|briefing|conference|interview|speech|address|post|posts|video|remarks|message|call|meeting|summit|session|hearing|readout|broadcast|appearance|comments|tweet|letter|update|posting|note|email|release|channel|account|page|website|podcast|program|programme|show|report|documents?|filing|publication|advisory|assessment|bulletin|forecast|notice|memo|filing|presentation|testimony|call|conversation|broadcast|newsletter|op-ed|editorial|column|article|blog|thread|clip|recording|message|audio)s?\b(?:\s+(?:call|briefing|conference|session|statement|post|video|message|interview)s?\b)?(?:\s+(?:with|to|on|by|for|carried\s+(?:by|on)|published\s+by|posted\s+on|released\s+by|run\s+by|quoted\s+by|cited\s+by|broadcast\s+(?:by|on)|aired\s+(?:by|on)|televised\s+by|shown\s+on|reported\s+by|obtained\s+by|seen\s+by|reviewed\s+by)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+(?:television|TV|radio|newspaper|news\s+agency))?))?/y,
  /\s*,?\s*(?:in|during)\s+(?:an?\s+)?(?:interview|comments|remarks|an\s+interview)\s+(?:with|to)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)/y,
  // "in remarks broadcast by CNBC", "in comments carried on state television"
  /\s*,?\s*(?:in|during)\s+(?:(?:his|her|their|its)\s+)?(?:remarks|comments|statements|footage|testimony)\s+(?:broadcast|aired|televised|carried|published|shown|reported)\s+(?:by|on|in)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)/y,
  /\s*,?\s*on\s+((?:the\s+)?(?:Russian\s+|Ukrainian\s+|Iranian\s+|Chinese\s+|state\s+|national\s+)?[A-Z][\w’'.-]*(?:[\s-]+[A-Z][\w’'.-]*)*(?:\s+(?:television|TV|radio|channel))?|state\s+(?:television|TV|media|radio)|(?:national\s+)?(?:television|TV|radio)|social\s+media)\b/y,
  /\s*,?\s*(?:to|with)\s+(?:reporters|journalists|lawmakers|legislators|the\s+press|the\s+media|students|parliament)\b/y,
  /\s*,?\s*(?:to|with)\s+((?:the\s+)?(?:Associated Press|AP|Reuters|AFP|CNN|BBC|NBC(?: News)?|CBS(?: News)?|ABC(?: News)?|Fox News|Al[ -]Jazeera|The Post|The Washington Post|The New York Times|The Wall Street Journal|Bloomberg(?: News)?|Politico|Axios|Yonhap|Tass|TASS|Interfax|Kyodo|NHK|Xinhua))\b/y,
  /\s*,?\s*in\s+(?:a\s+)?(?:Telegram|Facebook|X|Twitter|Instagram|social\s+media|video|written|televised|nightly|daily|joint|separate)\b(?:\s+[\w’'-]+){0,3}?\s+(?:post|statement|message|address|video|remarks|update|briefing|comments|interview|appearance)s?\b/y,
  /\s*,?\s*(?:in\s+(?:a\s+)?(?:statement|statements|remarks|comments|response|reply|a\s+readout))\b/y,
  /\s*,?\s*(?:in|from)\s+(?:Kyiv|Moscow|Washington|Beijing|London|Brussels|Paris|Berlin|Jerusalem|Tel Aviv|Gaza|Beirut|Tehran|Seoul|Tokyo|Pyongyang|Geneva|New York|Davos|Vilnius|Warsaw|Ankara|Istanbul|Cairo|Doha|Riyadh)\b/y,
  /\s*,?\s*(?:at|in|from|outside|inside|near|during\s+a\s+visit\s+to)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?=\s*(?:,|that\b|on\b|in\b|at\b|\.|$|[“"]))/y,
  /\s*,?\s*(?:to|with|for)\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:clients|investors|shareholders|staff|employees|members|supporters|customers|reporters|journalists|lawmakers|colleagues|followers|subscribers|readers|viewers|students|parents|analysts|delegates|officials|regulators|authorities|prosecutors|police|legislators|the\s+court|the\s+judge|the\s+jury|the\s+committee)\b/y,
  /\s*,?\s*without\s+(?:providing|offering|giving|citing)\s+(?:any\s+)?(?:evidence|details|proof)\b/y,
  /\s*,?\s*citing\s+([^,.;]{2,80}?)(?=\s*(?:,|that\b|\.|$))/y,
  /\s*,?\s*(?:in\s+a\s+news\s+release|in\s+its\s+daily\s+update|in\s+a\s+daily\s+update|in\s+its\s+latest\s+assessment|in\s+a\s+post|on\s+the\s+sidelines\s+of\s+(?:the\s+)?[^,]{3,60}?(?=,|\s+that\b))/y,
  /\s*,?\s*(?:flatly|firmly|strongly|vehemently|categorically|publicly|again|repeatedly|once\s+again)\b/y,
];

/** ", the newspaper reported": the sentence names its outlet by a description. */
const OUTLET_ECHO =
  /,\s+(?:the|that)\s+(?:newspaper|paper|daily|weekly|tabloid|broadcaster|news\s+agency|agency|channel|station|network|outlet|magazine|website|news\s+site)\s+(?:reported|said|wrote|added|reports|says|writes)\b/i;

const ADDRESSEE =
  /\s+((?:the\s+)?(?:[a-z-]+\s+){0,2}(?:broadcaster|newspaper|news\s+agency|agency|channel|station|outlet|network|daily|television|radio|website|news\s+site)(?:\s+[A-Z][\w’'.-]*)+|(?:the\s+)?(?:station|newspaper|channel|broadcaster|network|agency)\b|[a-z]+s(?=\s+(?:that|on|in|at|during|after|before|via|by|the|a|an|it|he|she|they|his|her|its|their|\w+ed)\b)|(?:the\s+|The\s+)?(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|for))*(?:\s+(?:television|TV|radio|newspaper|news\s+agency))?|reporters|journalists|lawmakers|legislators|parliament|the\s+(?:press|media|audience|crowd|parliament|assembly|council|court|committee|summit|conference|forum|gathering|rally)|an?\s+[\w-]+(?:\s+[\w-]+)?\s+(?:audience|conference|forum|session|gathering|rally|briefing|crowd|meeting)|(?:state|local|national|Russian|Ukrainian|Iranian|Israeli|Chinese)\s+(?:media|television|TV|radio)|(?:his|her|their|its|our)\s+[\w-]+(?:\s+[\w-]+)?|them|him|her|us|me|attendees|delegates|supporters|residents|troops|soldiers|officials|diplomats|students|investors|viewers|listeners|readers|(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:jury|jurors|judge|tribunal|panel|hearing|inquiry|board|hearing|court|commission|regulators?|shareholders|investors|fans|crowd|court|magistrates?|senate|house|legislature|lawmakers|inspectors|police|investigators|prosecutors|team|club|staff|workers|employees|crew|players|athletes))\b/y;

const SPAN_EDGE_LEFT = /^[\s,;:.“”"‘’'([—–-]+/;
const SPAN_EDGE_RIGHT = /[\s,;:.“”"‘’')\]—–-]+$/;

/** Trims a content range to the span rules: no punctuation or quotes at either edge, no "that". */
export function trimRange(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  for (let guard = 0; guard < 4; guard++) {
    const before = [a, b];
    const left = SPAN_EDGE_LEFT.exec(s.slice(a, b));
    if (left) a += left[0].length;
    const lead =
      /^(?:that|and that|but that|and|but|so|because|(?:the\s+)?(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|assertions?)\s+that)\s+/i.exec(
        s.slice(a, b),
      );
    if (lead && b - a > lead[0].length + 8) a += lead[0].length;
    const right = SPAN_EDGE_RIGHT.exec(s.slice(a, b));
    if (right) b -= right[0].length;
    const tail = /[\s,]+(?:and|but|while|as|or|whereas|though|although)$/.exec(s.slice(a, b));
    if (tail) b -= tail[0].length;
    // A closing quote whose opening one lies outside the span is an edge mark, except that a span
    // may end “with gratitude (the opening quote inside).
    if (before[0] === a && before[1] === b) break;
  }
  return [a, Math.max(a, b)];
}

function isTimeToken(core: string): boolean {
  return TIME_WORD.test(core);
}

/**
 * The speaker phrase that ends right before `verbStart`: "the Kremlin spokesman", "Lim Soo-suk,
 * a spokesman for South Korea’s Foreign Ministry", "he".
 */
export function subjectBefore(s: string, from: number, verbStart: number): SpeakerPhrase | null {
  // "Residents reached by phone told …": a participial modifier between subject and verb.
  const modifier =
    /\s+(?:reached|contacted|interviewed|surveyed|polled|questioned|speaking|writing|familiar|briefed|close\s+to|involved\s+in|knowledgeable|privy|with\s+(?:direct\s+)?knowledge|(?:hired|commissioned|funded|employed|retained|appointed|contracted|consulted|backed)\s+by)\b[^,.;“”"]{0,50}?\s*$/.exec(
      s.slice(from, verbStart),
    );
  if (modifier && modifier.index > 0) verbStart = from + modifier.index;
  const tokens = tokenize(s, from, verbStart);
  let i = tokens.length - 1;
  const asideRelays: string[] = [];
  // Adverbs, auxiliaries, times and asides between subject and verb ("has also", "on Thursday",
  // ", speaking to Al Jazeera by phone,", ", who monitored voting in 40 districts,").
  while (i >= 0) {
    const t = tokens[i];
    const lower = t.core.toLowerCase();
    if (t.raw.endsWith(',')) {
      const seg = segmentBack(tokens, i);
      const text = tokens
        .slice(seg, i + 1)
        .map((x) => x.core)
        .join(' ');
      const aside =
        /^(?:meanwhile|however|too|in turn|for (?:its|his|her|their) part|in a statement|separately|also|for example|in response|in a statement on \w+|on \w+day|in a \w+ post|though|nonetheless|in a separate statement|in remarks|in an interview|at a news conference|later|earlier|again)$/i.test(
          text,
        ) ||
        /^(?:who|which|whose|speaking|writing|appearing|addressing|asked|citing|responding|quoted|reached|visiting|interviewed|talking)\b/i.test(
          text,
        );
      if (aside && seg > 0 && tokens[seg - 1].raw.endsWith(',')) {
        const spoke =
          /^(?:speaking|talking|writing)\s+(?:to|with|in|on)\s+(.+?)(?:\s+(?:by|on|from|in|at|after|during)\s+.*)?$/i.exec(
            text,
          );
        if (spoke && isOutletPhrase(spoke[1])) asideRelays.push(relayName(spoke[1]));
        i = seg - 1;
        tokens[i] = { ...tokens[i], raw: tokens[i].raw.replace(/,$/, '') };
        continue;
      }
      if (aside && seg === 0) return null;
      break;
    }
    if (ADVERB_BEFORE_VERB.has(lower) && !/[,;:”"]$/.test(t.raw)) {
      i--;
      continue;
    }
    // "(D-N.Y.)", "(pictured)": a parenthesis between subject and verb.
    if (/\)$/.test(t.raw)) {
      let k = i;
      while (k >= 0 && !tokens[k].raw.startsWith('(')) k--;
      if (k > 0 && i - k < 6) {
        i = k - 1;
        continue;
      }
    }
    if (isTimeToken(t.core) && !/[,;:”"]$/.test(t.raw)) {
      i--;
      continue;
    }
    break;
  }
  if (i < 0) return null;
  const last = tokens[i];
  // ", which said …" / ", who told …": the subject is the phrase before the comma.
  if (/^(?:which|who)$/i.test(last.core) && i > 0 && tokens[i - 1].raw.endsWith(',')) {
    const stripped = tokens.map((t, k) =>
      k === i - 1 ? { ...t, raw: t.raw.replace(/,$/, '') } : t,
    );
    const start = walkBack(stripped, i - 1);
    const antecedent = start <= i - 1 ? phraseOf(s, stripped, start, i - 1) : null;
    if (
      antecedent &&
      !/\b(?:complaint|lawsuit|suit|filing|report|statement|study|survey|letter|document|post|video)s?$/i.test(
        antecedent.text,
      )
    )
      return antecedent;
    return subjectAt(s, from, tokens[i - 1].start) ?? antecedent;
  }
  let phrase: SpeakerPhrase | null;
  if (PRONOUN_RE.test(last.core) && !/[,;:”"]$/.test(last.raw)) {
    phrase = { text: last.core, start: last.start + last.raw.indexOf(last.core) };
  } else if (last.raw.endsWith(',')) {
    // Appositive that closes right before the verb: "Name, a ROLE, said" or "ROLE, Name, said".
    phrase = appositiveBefore(s, tokens, i);
  } else {
    let start = walkBack(tokens, i);
    // "EU competition commissioner Margit Halvorsen", "the risk-modeling firm Keystone Analytics":
    // a few plain words more reach back to the comma or quote that opens the phrase.
    if (start <= i && start > 0) {
      for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
        const t = tokens[k];
        if (/[,;:”"]$/.test(t.raw) || (k === 0 && /^[“"]/.test(t.raw))) {
          if (k === 0 && !/[,;:”"]$/.test(t.raw)) start = 0;
          else start = k + 1;
          break;
        }
        if (!/^[\p{L}’'-]+$/u.test(t.raw) || FUNCTION_WORD.test(t.raw)) break;
        if (k === 0) start = 0;
      }
    }
    phrase = start > i ? null : phraseOf(s, tokens, start, i);
    if (!phrase) phrase = documentSubject(s, from, verbStart);
  }
  if (phrase && asideRelays.length) phrase.relays = asideRelays;
  return phrase;
}

const FUNCTION_WORD =
  /^(?:and|or|but|that|which|who|whom|as|while|after|before|when|if|because|since|though|although|where|whether|than|so|then|also|to|with|by|on|said|says|told|is|are|was|were|has|have|had|not|no)$/i;

/** "A White House readout of the call later confirmed …": a document speaks for its issuer. */
function documentSubject(s: string, from: number, verbStart: number): SpeakerPhrase | null {
  const text = s.slice(from, verbStart);
  const m =
    /(?:^|[,;]\s+|^[“"])((?:A|An|The|Its|a|an|the)\s+[^,;]{0,60}?\b(?:readout|statement|report|assessment|survey|study|analysis|review|memo|filing|communiqué|communique|transcript|advisory|bulletin|audit|investigation|tally|count)s?(?:\s+(?:of|from|on|by|published by|issued by)\s+[^,;]{1,50}?)?)\s+(?:(?:later|also|earlier|previously|then|has|have|had)\s+)*$/.exec(
      text,
    );
  if (!m) return null;
  return { text: m[1], start: from + m.index + m[0].indexOf(m[1]) };
}

/** Index of the first token of the comma-delimited segment that ends at token `i`. */
function segmentBack(tokens: Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && !/[,;:]$/.test(tokens[j].raw) && !/[”"]$/.test(tokens[j].raw)) j--;
  return j + 1;
}

function walkBack(tokens: Token[], i: number): number {
  let j = i;
  for (; j >= 0; j--) {
    const t = tokens[j];
    if (j < i && /[,;:”"]$/.test(t.raw)) break;
    if (
      /[.!?]$/.test(t.raw) &&
      j < i &&
      !/^(?:[A-Z]\.)+$/.test(t.core + '.') &&
      !/\.[A-Z]\.$/.test(t.raw)
    )
      break;
    if (!isPhraseWord(t.core)) break;
    if (PRONOUN_RE.test(t.core)) break;
    if (t.core === 'and' || t.core === 'or' || t.core === '&') {
      const prev = tokens[j - 1];
      const next = tokens[j + 1];
      if (
        !prev ||
        !next ||
        !isCapitalized(prev.core) ||
        !(isCapitalized(next.core) || next.core === 'the')
      )
        break;
    }
    if (/^[“"‘(]/.test(t.raw)) {
      j--;
      break;
    }
  }
  let start = j + 1;
  // A phrase does not begin with a preposition or conjunction.
  while (start <= i && /^(?:of|for|at|in|from|and|or|with)$/.test(tokens[start].core)) start++;
  return start;
}

function phraseOf(s: string, tokens: Token[], start: number, end: number): SpeakerPhrase | null {
  const head = tokens[end].core;
  if (!isHeadWord(head)) return null;
  if (end - start > 14) return null;
  // A lone lower-case word ("officials said") is a speaker only as a plural group or a title.
  const first = tokens[start];
  const from = first.start + first.raw.indexOf(first.core);
  const last = tokens[end];
  const to = last.start + last.raw.indexOf(last.core) + last.core.length;
  const text = s.slice(from, to);
  if (/^(?:the|a|an)$/i.test(text)) return null;
  return { text, start: from };
}

function appositiveBefore(s: string, tokens: Token[], i: number): SpeakerPhrase | null {
  // tokens[i] ends with ','. The segment [a..i] is one side, [b..a-1] the other.
  const a = segmentBack(tokens, i);
  if (a === 0 || i - a > 16) return null;
  const comma = tokens[a - 1];
  if (!comma.raw.endsWith(',')) return null;
  const inner = tokens.map((t, k) => (k === a - 1 ? { ...t, raw: t.raw.replace(/,$/, '') } : t));
  let b = walkBack(inner, a - 1);
  if (b > a - 1) return null;
  const seg = segmentBack(inner, a - 1);
  if (
    seg < b &&
    b - seg <= 3 &&
    inner.slice(seg, b).every((t) => /^[\p{L}’'-]+$/u.test(t.raw) && !FUNCTION_WORD.test(t.raw))
  )
    b = seg;
  const left = inner.slice(b, a).map((t) => t.core);
  const right = tokens.slice(a, i + 1).map((t) => t.core);
  const looksName = (ws: string[]) =>
    ws.length <= 5 &&
    ws.every(
      (w) => isCapitalized(w) || /^(?:al|bin|de|van|von|der|la|le|da|di|el|ibn|abu|&)$/.test(w),
    );
  const looksRole = (ws: string[]) =>
    /^(?:a|an|the|its|his|her|their|one|another)$/i.test(ws[0]) ||
    /[’']s$/.test(ws[0]) ||
    ws.some((w) => !isCapitalized(w));
  let ok = false;
  if (looksName(left) && looksRole(right)) ok = isHeadWord(left[left.length - 1]);
  else if (looksRole(left) && looksName(right))
    ok = isHeadWord(left[left.length - 1]) && isHeadWord(right[right.length - 1]);
  if (!ok) return null;
  const first = inner[b];
  const from = first.start + first.raw.indexOf(first.core);
  return { text: tokensText(inner, b, a - 1) + ', ' + tokensText(tokens, a, i), start: from };
}

function tokensText(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to + 1)
    .map((t) => t.core)
    .join(' ');
}

/** The subject at the start of a clause: "The U.S. State Department condemned …" → its first NP. */
export function subjectAt(s: string, from: number, to: number): SpeakerPhrase | null {
  let tokens = tokenize(s, from, to);
  // Skip a leading adverbial ("On Thursday, ", "In a statement, ").
  const firstComma = tokens.findIndex((t) => t.raw.endsWith(','));
  if (tokens.length && firstComma >= 0 && firstComma < 6) {
    const lead = tokens[0].core;
    if (
      /^(?:On|In|At|During|After|Before|Earlier|Later|Meanwhile|However|Separately|Speaking|Overnight|Yesterday|Today|Last|This|Since|Following|Amid|Elsewhere|For|Also|Still|Asked|Instead|Separately|Late|Early)$/.test(
        lead,
      )
    ) {
      tokens = tokens.slice(firstComma + 1);
    }
  }
  let end = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!isPhraseWord(t.core)) break;
    if (k === 0 && PRONOUN_RE.test(t.core)) {
      end = 0;
      break;
    }
    if (PRONOUN_RE.test(t.core)) break;
    end = k;
    if (/[,;:”"]$/.test(t.raw)) break;
  }
  while (end >= 0 && !isHeadWord(tokens[end].core)) end--;
  if (end < 0) return null;
  // "The firm’s former chief auditor, Greg Malone, contradicted …": the appositive name belongs.
  if (tokens[end].raw.endsWith(',')) {
    let k = end + 1;
    while (
      k < tokens.length &&
      k - end <= 4 &&
      isCapitalized(tokens[k].core) &&
      !tokens[k].raw.endsWith(',')
    )
      k++;
    if (
      k < tokens.length &&
      k > end + 1 - 0 &&
      tokens[k].raw.endsWith(',') &&
      isCapitalized(tokens[k].core)
    ) {
      const head = phraseOf(s, tokens, 0, end);
      if (head) {
        const last = tokens[k];
        const to = last.start + last.raw.indexOf(last.core) + last.core.length;
        return { text: s.slice(head.start, to), start: head.start };
      }
    }
  }
  return phraseOf(s, tokens, 0, end);
}

interface Wrapper {
  source: string;
  /** Where the wrapper sits in the sentence. */
  start: number;
  end: number;
  /** A news outlet's "reported" (its own report when the sentence has no frame). */
  outlet: boolean;
  /** The source the outlet cited ("Reuters reported, citing officials"). */
  cited: string | null;
}

const ACCORDING_START = /^\s*(?:But\s+|And\s+)?[Aa]ccording to\s+([^,]{2,120}?)\s*,\s*/;
const ACCORDING_END =
  /,?[”"]?\s*(?:[—–-]\s*)?(?:all\s+)?according to\s+([^,;]{2,140}?(?:,\s+(?:the\s+|a\s+|an\s+)?[^,;]{2,60}?)?)(?:,\s*((?:which|who)\b[^.]*|citing\s+[^.]*))?[.!?]?[”"’]?\s*$/;
const PER_END =
  /,\s*(?:per|as reported by|reported by|as cited by|quoted by|cited by|as quoted by)\s+([^,;]{2,80}?)[.!?]?[”"’]?\s*$/;
const OUTLET_END =
  /,[”"’]?\s+((?:the\s+)?(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:reported|reports|said|says|wrote|writes|announced)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|late\s+\w+|overnight))?(?:,\s*citing\s+([^.;]{2,120}?))?[.!?]?[”"’]?\s*$/;

function findWrappers(s: string): { wrappers: Wrapper[]; from: number; to: number } {
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
    if (out && out.index > 0 && isOutletPhrase(out[1])) {
      wrappers.push({
        source: out[1],
        start: from + out.index,
        end: to,
        outlet: true,
        cited: out[2] ?? null,
      });
      to = from + out.index;
      continue;
    }
    break;
  }
  return { wrappers, from, to };
}

interface VerbHit {
  verb: string;
  start: number;
  end: number;
  participle: boolean;
}

const FINITE_SET = new Set(FINITE_VERBS);
const PARTICIPLE_SET = new Set(PARTICIPLES);

function verbHits(s: string, from: number, to: number): VerbHit[] {
  const hits: VerbHit[] = [];
  const re = /[a-z]+/g;
  re.lastIndex = from;
  for (let m = re.exec(s); m && m.index < to; m = re.exec(s)) {
    const before = m.index > 0 ? s.charCodeAt(m.index - 1) : 32;
    // whole lower-case words only ("said", not "Said" or "unsaid")
    if ((before >= 65 && before <= 90) || (before >= 97 && before <= 122)) continue;
    const w = m[0];
    if (FINITE_SET.has(w))
      hits.push({ verb: w, start: m.index, end: m.index + w.length, participle: false });
    else if (PARTICIPLE_SET.has(w))
      hits.push({ verb: w, start: m.index, end: m.index + w.length, participle: true });
  }
  return hits;
}

interface RightSide {
  /** Where the statement starts after the verb, its adverbials and its "that". */
  contentStart: number;
  /** Relays named by the adverbials ("told AFP", "in an interview with CNN"). */
  relays: string[];
  /** The text after the verb begins with a comma and is not a quote: the "A, X said, B" shape. */
  commaAfter: boolean;
  /** Whether a quotation opens the content. */
  quote: boolean;
}

function rightSide(s: string, verb: VerbHit, to: number): RightSide {
  let r = verb.end;
  const relays: string[] = [];
  const lower = verb.verb.toLowerCase();
  if (ADDRESSEE_VERBS.has(lower)) {
    ADDRESSEE.lastIndex = r;
    const m = ADDRESSEE.exec(s);
    if (m && m.index === r) {
      const name = m[1];
      if (isOutletPhrase(name)) relays.push(relayName(name));
      else if (/^(?:the\s+)?(?:station|newspaper|broadcaster|channel|network)$/i.test(name))
        relays.push(name.replace(/^the\s+/i, 'the '));
      else if (
        /^(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}$/.test(name) &&
        OUTLET_ECHO.test(s)
      )
        // "told the Gazzetta that …, the newspaper reported": the addressee is an outlet.
        relays.push(name.replace(/^the\s+/i, ''));
      r = m.index + m[0].length;
    }
  }
  for (let changed = true, guard = 0; changed && guard < 8; guard++) {
    changed = false;
    ACCORDING_MID.lastIndex = r;
    const acc = ACCORDING_MID.exec(s);
    if (acc && acc.index === r && r + acc[0].length < to) {
      relays.unshift(relayName(acc[1]));
      r += acc[0].length;
      changed = true;
      continue;
    }
    for (const re of POST_VERB_ADVERBIALS) {
      re.lastIndex = r;
      const m = re.exec(s);
      if (m && m.index === r && m[0].trim().length > 0 && r + m[0].length <= to) {
        const relay = relayFromAdverbial(m[0], m[1]);
        if (relay) relays.push(relay);
        r += m[0].length;
        changed = true;
      }
    }
  }
  const rest = s.slice(r, to);
  const commaQuote = /^\s*[,:]?\s*[“"]/.exec(rest);
  if (commaQuote) {
    return { contentStart: r + commaQuote[0].length, relays, commaAfter: false, quote: true };
  }
  const colon = /^\s*:\s*/.exec(rest);
  if (colon) return { contentStart: r + colon[0].length, relays, commaAfter: false, quote: false };
  const comma = /^\s*,\s*/.exec(rest);
  if (comma) {
    // "said, however, that …" is still a right-side statement.
    const aside =
      /^\s*,\s*(?:however|though|meanwhile|too|nonetheless|in a statement|without evidence|without providing evidence),\s*(?:that\s+)?/.exec(
        rest,
      );
    if (aside)
      return { contentStart: r + aside[0].length, relays, commaAfter: false, quote: false };
    return { contentStart: r + comma[0].length, relays, commaAfter: true, quote: false };
  }
  const that = /^\s*(?:that\s+)?/.exec(rest);
  let contentStart = r + (that ? that[0].length : 0);
  const toHave = /^to have\s+/.exec(s.slice(contentStart, to));
  if (toHave) contentStart += toHave[0].length;
  const quote = /^[“"]/.test(s.slice(contentStart, to));
  return { contentStart, relays, commaAfter: false, quote };
}

/** Words in a range, roughly. */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192;
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** Whether an open quotation mark before `at` (since `from`) is still unclosed. */
function insideQuote(s: string, from: number, at: number): boolean {
  let open = false;
  for (let k = from; k < at; k++) {
    const c = s[k];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

function closingQuoteAfter(s: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (s[k] === '”' || s[k] === '"') return k;
  return -1;
}

const COORDINATE_BEFORE =
  /(?:,\s*|\s+)(?:and|but)\s+(?:(?:also|later|then|further|again|has|had|have)\s+)*$/;
const PARTICIPLE_BEFORE = /,[”"]?\s+(?:(?:also|while|before|after)\s+)?$/;
const WITH_BEFORE = /,\s+with\s+((?:[\w’'.-]+\s+){1,8}?)(?:also\s+)?$/;

/** The attribution frames of one sentence. */
const COMMENT_RE =
  /,\s+((?:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|figure|version|characterization|contention|report)s?\s+(?:that\s+|which\s+)?((?:the\s+)?(?:[A-Z][\w’'.-]*|[a-z][\w’'.-]*(?=\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:rejected|denied|dismissed|disputed|refuted|contested)\b))(?:\s+[\w’'.-]+){0,5}?)\s+((?:has\s+|have\s+|had\s+|also\s+)?(?:rejected|denied|dismissed|disputed|disputes|denies|rejects|refuted|contested|contradicted|did\s+not|has\s+not|have\s+not|declined|could\s+not|would\s+not))\b[^;]*?)[.”"’]*$/;

const REFERENCE_OBJECT =
  /^(?:the|these|those|such|any|all|that|this|earlier|previous|his|her|its|their|Western|media)?\s*(?:[\w’'-]+\s+){0,2}?(?:accusations?|allegations?|claims?|charges?|reports?|assertions?|suggestions?|reporting|account|it|this|that|them|rumou?rs?)\b/i;

export function findFrames(s: string, outlets?: ReadonlySet<string>): Frame[] {
  knownOutlets = outlets;
  try {
    return framesOf(s);
  } finally {
    knownOutlets = undefined;
  }
}

function framesOf(s: string): Frame[] {
  const found = findWrappers(s);
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
  const mainSubject = subjectAt(s, from, to);

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
        const sub = subjectBefore(s, phraseStart, phraseStart + phraseText.length + 1);
        if (!sub) continue;
        speaker = sub;
        cutAt = from + withM.index;
        kind = 'participle';
        explicitness = 0.75;
      } else if (PARTICIPLE_BEFORE.test(before)) {
        const prev = pending[pending.length - 1];
        speaker = prev?.frame.speaker ?? mainSubject;
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
      speaker = prev?.frame.speaker ?? mainSubject;
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
        !(/,\s*$/.test(before) && subjectBefore(s, from, hit.start))
      ) {
        const invStart = hit.end + inv[0].indexOf(inv[1]);
        const sub = subjectBefore(s, invStart, invStart + inv[1].length);
        const subAll = sub && sub.start === invStart ? sub : null;
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
      speaker = subjectBefore(s, from, hit.start);
      if (!speaker) continue;
      // ", citing intelligence reports, said": a noun inside a participial aside is not a verb.
      if (/^(?:citing|quoting|according)\b/i.test(speaker.text)) continue;
      cutAt = speaker.start;
      // "reported" by a news outlet with a that-clause is still the outlet's statement.
    }

    const right = rightSide(s, hit, to);
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
    const shortTail =
      !right.quote &&
      wordCount(rightClause) <= 14 &&
      /^\s*(?:in|at|on|during|via|through|from|to|after|before|with|for|by|as|while|when|late|early|last|this|outside|inside|near|beside|ahead|following|amid|despite|over|under|throughout|across|upon)\b/i.test(
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
          /^(?:confirmed|confirms|acknowledged|acknowledges)$/.test(lower) &&
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
      frame = {
        kind,
        verb: hit.verb,
        speaker,
        clauseSubject: PRONOUN_RE.test(speaker.text) ? mainSubject : speaker,
        start,
        end: to,
        relays: [...right.relays, ...(speaker.relays ?? [])],
        denial: DENIAL_VERBS.has(lower),
        explicitness: OBJECT_VERBS.has(lower) ? explicitness - 0.05 : explicitness,
        clausal: right.quote || /\bthat\b/.test(between),
      };
      rightOpen = true;
      // "…, and urged both sides to …": a demand joined to the statement is not part of it.
      const act =
        /,?\s+and\s+(?:also\s+)?(?:urged|called\s+(?:on|for)|vowed|demanded|pledged|asked|appealed|promised|threatened|condemned|praised|welcomed|thanked)\b/.exec(
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
      const boundary =
        kind !== 'speech' ||
        /(?:[,;:]\s*(?:and|but|while|as|whereas|although|though|even as)?\s*|\s+(?:and|but|while|whereas)\s+)$/.test(
          s.slice(p.frame.start, cutAt),
        );
      if (p.frame.start < cutAt && p.frame.end > cutAt && boundary) {
        const endAt =
          kind === 'speech' || kind === 'embedded'
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
        if (isOutletPhrase(outer.speaker!.text) && REPORT_VERBS.has(outer.verb.toLowerCase())) {
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
    if (kept.length) {
      // The wrapper nearest the end is the outermost; nearest to the page comes first.
      const outer = wrappers.map((w) => relayName(w.source));
      for (const f of kept) f.relays = [...outer, ...f.relays];
    } else {
      const w = wrappers[0];
      const [a, b] = trimRange(s, from, to);
      if (wordCount(s.slice(a, b)) >= 3) {
        const cited = w.cited;
        kept.push({
          kind: w.outlet ? 'outlet' : 'according',
          verb: w.outlet ? 'reported' : 'according to',
          speaker: {
            text: cited ?? w.source,
            start: cited ? -1 : w.start + Math.max(0, s.slice(w.start, w.end).indexOf(w.source)),
          },
          clauseSubject: mainSubject,
          start: a,
          end: b,
          relays: [
            ...wrappers.slice(1).map((x) => relayName(x.source)),
            ...(cited ? [relayName(w.source)] : []),
          ],
          denial: false,
          explicitness: w.outlet ? 0.8 : 0.85,
        });
      }
    }
  }
  for (const f of kept) f.clauseSubject = f.clauseSubject ?? mainSubject;
  const reported = [
    ...reportsBy(s, from, to, kept),
    ...quotedAs(s, from, to, kept),
    ...claimsThat(s, from, to, kept),
  ];
  const own = kept.filter((f) => f.end > f.start);
  return [
    ...splitCoordinatedThat(s, refineFrames(s, own)),
    ...commentFrames,
    ...reported,
    ...confirmations,
  ];
}

const REPORTS_BY =
  /\b(?:earlier\s+|initial\s+|local\s+|media\s+|unconfirmed\s+|previous\s+)?(?:reports?|claims?|accounts?|reporting)\s+(?:by|from|in)\s+((?:(?!\bthat\b)[^;])+?),?\s+that\s+/g;

/** "…, contradicting earlier reports by a local outlet, the Bayou Beacon, that A": A is the outlet's. */
function reportsBy(s: string, from: number, to: number, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  if (!/\b(?:reports?|claims?|accounts?|reporting)\s+(?:by|from|in)\s/.test(s)) return out;
  REPORTS_BY.lastIndex = from;
  for (let m = REPORTS_BY.exec(s); m && m.index < to; m = REPORTS_BY.exec(s)) {
    const speakerStart = m.index + m[0].indexOf(m[1]);
    const start = m.index + m[0].length;
    // "A report by the inspector general found that A": the sentence's own verb frames A.
    if (frames.some((f) => f.speaker && f.speaker.start === speakerStart)) continue;
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
function quotedAs(s: string, from: number, to: number, frames: Frame[]): Frame[] {
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
        speaker = subjectBefore(s, from, m.index + 1);
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
function claimsThat(s: string, from: number, to: number, frames: Frame[]): Frame[] {
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
function refineFrames(s: string, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  let denialSpeaker: string | null = null;
  for (const f of frames) {
    const text = s.slice(f.start, f.end);
    const citing = /,\s*citing\s+(.+)$/.exec(text);
    // "Two diplomats, citing intelligence reports, said …": an aside of the subject, not the source.
    if (citing && !/,\s+(?:said|says|told|tells|added|wrote|claimed|alleged)\b/.test(citing[1])) {
      f.end = f.start + citing.index;
      if (f.speaker && isOutletPhrase(f.speaker.text)) {
        f.relays = [relayName(f.speaker.text), ...f.relays];
        f.speaker = { text: citing[1].replace(/[.”"’]+$/, ''), start: -1 };
      }
      const [a, b] = trimRange(s, f.start, f.end);
      f.start = a;
      f.end = b;
    }
    if (
      f.denial &&
      f.kind !== 'trailing' &&
      !f.clausal &&
      REFERENCE_OBJECT.test(s.slice(f.start, f.end)) &&
      wordCount(s.slice(f.start, f.end)) <= 8
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
    const re = /,?\s+(?:and|but)\s+that\s*,?\s*/g;
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
