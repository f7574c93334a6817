/**
 * Reporting verbs in a sentence and what follows each: the addressee ("told AFP"), adverbials
 * ("on Thursday", "in a statement on Telegram"), "according to" asides, and where the statement
 * itself starts. Outlets named on the way are relays.
 */
import type { OutletTest } from './frame.types.js';
import { relayFromAdverbial, relayName } from './relays.js';
import { ADDRESSEE_VERBS, FINITE_VERBS, PARTICIPLES } from './verbs.js';

/** Sticky patterns skipped right after a reporting verb; group 1, when set, may name a relay. */
const ACCORDING_MID =
  /\s*,\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|per)\s+([^,;]{2,80}?)\s*,/y;

/** "on Nov. 11", "on 11 November 2026", "in March": a date after the verb. */
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_ADVERBIAL = new RegExp(
  `\\s*,?\\s*(?:(?:on|by|since|until)\\s+(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?|in\\s+(?:early\\s+|late\\s+|mid-)?${MONTH}(?:\\s+\\d{4})?)(?![\\w-])`,
  'y',
);

const POST_VERB_ADVERBIALS: RegExp[] = [
  DATE_ADVERBIAL,
  // "said shortly before midnight Monday", "after dawn on Sunday"
  /\s*,?\s*(?:(?:shortly|just|soon|hours|minutes|moments|well)\s+)?(?:before|after)\s+(?:midnight|noon|midday|dawn|dusk|daybreak|nightfall|sunrise|sunset)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\b/y,
  /\s*,?\s*(?:on\s+|late\s+|early\s+|last\s+|this\s+|earlier\s+|later\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|overnight|earlier|later|previously|recently|again|also|separately|publicly|privately|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning|afternoon|evening)|earlier\s+(?:this|in\s+the)\s+(?:week|month|year|day))(?:\s+(?:morning|afternoon|evening|night))?\b/y,
  /\s*,?\s*(?:in|at|during|after|before|via|through|on)\s+(?:a|an|the|his|her|its|their|[A-Z][\w’'.-]*[’']s|[A-Z][\w’'.-]*)\s+(?:[\w’'.-]+\s+){0,5}?(?:statement|statements|briefing|conference|interview|speech|address|post|posts|video|remarks|message|call|meeting|summit|session|hearing|readout|broadcast|appearance|comments|tweet|letter|update|posting|note|email|release|channel|account|page|website|podcast|program|programme|show|report|documents?|filing|publication|advisory|assessment|bulletin|forecast|notice|memo|filing|presentation|testimony|call|conversation|broadcast|newsletter|op-ed|editorial|column|article|blog|thread|clip|recording|message|audio)s?\b(?:\s+(?:call|briefing|conference|session|statement|post|video|message|interview)s?\b)?(?:\s+(?:with|to|on|by|for|carried\s+(?:by|on)|published\s+by|posted\s+on|released\s+by|run\s+by|quoted\s+by|cited\s+by|broadcast\s+(?:by|on)|aired\s+(?:by|on)|televised\s+by|shown\s+on|reported\s+by|obtained\s+by|seen\s+by|reviewed\s+by)\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+(?:television|TV|radio|newspaper|news\s+agency))?))?/y,
  /\s*,?\s*(?:in|during)\s+(?:an?\s+)?(?:interview|comments|remarks|an\s+interview)\s+(?:with|to)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)/y,
  // "in remarks broadcast by CNBC", "in comments carried on state television"
  /\s*,?\s*(?:in|during)\s+(?:(?:his|her|their|its)\s+)?(?:remarks|comments|statements|footage|testimony)\s+(?:broadcast|aired|televised|carried|published|shown|reported)\s+(?:by|on|in)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)/y,
  /\s*,?\s*on\s+((?:the\s+)?(?:Russian\s+|Ukrainian\s+|Iranian\s+|Chinese\s+|state\s+|national\s+)?[A-Z][\w’'.-]*(?:[\s-]+[A-Z][\w’'.-]*)*(?:\s+(?:television|TV|radio|channel))?|state\s+(?:television|TV|media|radio)|(?:national\s+)?(?:television|TV|radio)|social\s+media)\b/y,
  /\s*,?\s*(?:to|with)\s+(?:reporters|journalists|lawmakers|legislators|the\s+press|the\s+media|students|parliament)\b/y,
  /\s*,?\s*(?:to|with)\s+((?:the\s+)?(?:Associated Press|AP|Reuters|AFP|CNN|BBC|NBC(?: News)?|CBS(?: News)?|ABC(?: News)?|Fox News|Al[ -]Jazeera|The Post|The Washington Post|The New York Times|The Wall Street Journal|Bloomberg(?: News)?|Politico|Axios|Yonhap|Tass|TASS|Interfax|Kyodo|NHK|Xinhua))\b/y,
  /\s*,?\s*in\s+(?:a\s+)?(?:Telegram|Facebook|X|Twitter|Instagram|social\s+media|video|written|televised|nightly|daily|joint|separate)\b(?:\s+[\w’'-]+){0,3}?\s+(?:post|statement|message|address|video|remarks|update|briefing|comments|interview|appearance)s?\b/y,
  /\s*,?\s*(?:in\s+(?:a\s+)?(?:statement|statements|remarks|comments|response|reply|a\s+readout))\b/y,
  /\s*,?\s*(?:in|from)\s+(?:Kyiv|Moscow|Washington|Beijing|London|Brussels|Paris|Berlin|Jerusalem|Tel Aviv|Gaza|Beirut|Tehran|Seoul|Tokyo|Pyongyang|Geneva|New York|Davos|Vilnius|Warsaw|Ankara|Istanbul|Cairo|Doha|Riyadh)\b/y,
  /\s*,?\s*(?:at|in|from|outside|inside|near|during\s+a\s+visit\s+to)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+(?:station|office|building|headquarters|courthouse|hall|hospital|school|gates?|airport|camp|depot|plant))?(?=\s*(?:,|that\b|on\b|in\b|at\b|\.|$|[“"]))/y,
  /\s*,?\s*(?:to|with|for)\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:clients|investors|shareholders|staff|employees|members|supporters|customers|reporters|journalists|lawmakers|colleagues|followers|subscribers|readers|viewers|students|parents|analysts|delegates|officials|regulators|authorities|prosecutors|police|legislators|the\s+court|the\s+judge|the\s+jury|the\s+committee)\b/y,
  // "in a video posted on his official channel": where the video was posted.
  /\s*,?\s*(?:posted|published|shared|uploaded)\s+(?:on|to)\s+(?:his|her|its|their|the|an?)\s+(?:[\w’'-]+\s+){0,3}?(?:channel|account|page|website|feed|profile|site)s?\b/y,
  /\s*,?\s*without\s+(?:providing|offering|giving|citing)\s+(?:any\s+)?(?:evidence|details|proof)\b/y,
  /\s*,?\s*citing\s+([^,.;]{2,80}?(?:\s+(?:that|which)\s+(?:it|they)\s+(?:had\s+|has\s+)?(?:obtained|seen|reviewed))?)(?=\s*(?:,|that\b|\.|$))/y,
  /\s*,?\s*(?:in\s+a\s+news\s+release|in\s+its\s+daily\s+update|in\s+a\s+daily\s+update|in\s+its\s+latest\s+assessment|in\s+a\s+post|on\s+the\s+sidelines\s+of\s+(?:the\s+)?[^,]{3,60}?(?=,|\s+that\b))/y,
  /\s*,?\s*(?:flatly|firmly|strongly|vehemently|categorically|publicly|again|repeatedly|once\s+again)\b/y,
];

/** ", the newspaper reported": the sentence names its outlet by a description. */
const OUTLET_ECHO =
  /,\s+(?:the|that)\s+(?:newspaper|paper|daily|weekly|tabloid|broadcaster|news\s+agency|agency|channel|station|network|outlet|magazine|website|news\s+site)\s+(?:reported|said|wrote|added|reports|says|writes)\b/i;

const ADDRESSEE =
  /\s+((?:the\s+)?(?:[a-z-]+\s+){0,2}(?:broadcaster|newspaper|news\s+agency|agency|channel|station|outlet|network|daily|television|radio|website|news\s+site)(?:\s+[A-Z][\w’'.-]*)+(?:\s+\d+)?|(?:the\s+)?(?:station|newspaper|channel|broadcaster|network|agency)\b|[a-z]+s(?=\s+(?:that|on|in|at|during|after|before|via|by|the|a|an|it|he|she|they|his|her|its|their|\w+ed)\b)|(?:the\s+|The\s+)?(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|for))*(?:\s+(?:television|TV|radio|newspaper|news\s+agency))?|reporters|journalists|lawmakers|legislators|parliament|analysts|investors|shareholders|voters|donors|delegates|(?:[a-z]+s)(?=\s*[.,;]|$)|the\s+(?:press|media|audience|crowd|parliament|assembly|council|court|committee|summit|conference|congress|forum|gathering|rally|meeting|hearing|inquiry|senate|tribunal)|an?\s+[\w-]+(?:\s+[\w-]+)?\s+(?:audience|conference|forum|session|gathering|rally|briefing|crowd|meeting)|(?:state|local|national|Russian|Ukrainian|Iranian|Israeli|Chinese)\s+(?:media|television|TV|radio)|(?:his|her|their|its|our)\s+[\w-]+(?:\s+[\w-]+)?|them|him|her|us|me|attendees|delegates|supporters|residents|troops|soldiers|officials|diplomats|students|investors|viewers|listeners|readers|the\s+(?:president|prime\s+minister|chancellor|king|queen|governor|mayor|minister|cabinet|ambassador|envoy)|(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:jury|jurors|judge|tribunal|panel|hearing|inquiry|board|hearing|court|commission|regulators?|shareholders|investors|fans|crowd|court|magistrates?|senate|house|legislature|lawmakers|inspectors|police|investigators|prosecutors|team|club|staff|workers|employees|crew|players|athletes))\b/y;

export interface VerbHit {
  verb: string;
  start: number;
  end: number;
  participle: boolean;
}

const FINITE_SET = new Set(FINITE_VERBS);
const PARTICIPLE_SET = new Set(PARTICIPLES);

export function verbHits(s: string, from: number, to: number): VerbHit[] {
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

export interface RightSide {
  /** Where the statement starts after the verb, its adverbials and its "that". */
  contentStart: number;
  /** Relays named by the adverbials ("told AFP", "in an interview with CNN"). */
  relays: string[];
  /** The text after the verb begins with a comma and is not a quote: the "A, X said, B" shape. */
  commaAfter: boolean;
  /** Whether a quotation opens the content. */
  quote: boolean;
  /** What "…, citing X, that …" between the verb and the statement cites. */
  cited?: string;
}

export function rightSide(s: string, verb: VerbHit, to: number, isOutlet: OutletTest): RightSide {
  let r = verb.end;
  const relays: string[] = [];
  let cited: string | undefined;
  const lower = verb.verb.toLowerCase();
  if (ADDRESSEE_VERBS.has(lower)) {
    ADDRESSEE.lastIndex = r;
    const m = ADDRESSEE.exec(s);
    if (m && m.index === r) {
      const name = m[1];
      if (isOutlet(name)) relays.push(relayName(name));
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
  for (let changed = true, guard = 0; changed && guard < 16; guard++) {
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
        if (/^\s*,?\s*citing\s/.test(m[0])) cited = m[1];
        r += m[0].length;
        changed = true;
        // Start again from the first pattern: a date must not be read as "on <Name>".
        break;
      }
    }
  }
  const rest = s.slice(r, to);
  const side = (contentStart: number, commaAfter = false, quote = false): RightSide => ({
    contentStart,
    relays,
    commaAfter,
    quote,
    cited,
  });
  const commaQuote = /^\s*[,:]?\s*[“"]/.exec(rest);
  if (commaQuote) return side(r + commaQuote[0].length, false, true);
  const colon = /^\s*:\s*/.exec(rest);
  if (colon) return side(r + colon[0].length);
  // "reported Tuesday, citing a memo, that …": the statement follows the aside.
  const commaThat = /^\s*,\s*that\s+/.exec(rest);
  if (commaThat) return side(r + commaThat[0].length);
  const comma = /^\s*,\s*/.exec(rest);
  if (comma) {
    // "said, however, that …" is still a right-side statement.
    const aside =
      /^\s*,\s*(?:however|though|meanwhile|too|nonetheless|in a statement|without evidence|without providing evidence),\s*(?:that\s+)?/.exec(
        rest,
      );
    if (aside) return side(r + aside[0].length);
    return side(r + comma[0].length, true);
  }
  const that = /^\s*(?:that\s+)?/.exec(rest);
  let contentStart = r + (that ? that[0].length : 0);
  const toHave = /^to have\s+/.exec(s.slice(contentStart, to));
  if (toHave) contentStart += toHave[0].length;
  return side(contentStart, false, /^[“"]/.test(s.slice(contentStart, to)));
}
