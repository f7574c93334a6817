/**
 * What a briefing itself says about names, gathered once over the whole text: acronyms it
 * defines ("Northern Shield Forces (NSF)") or implies ("World Health Organization" … "WHO"), the
 * adjectives it uses for places ("Lusara" / "Lusaran"), and the organisations it names, so that
 * later short forms ("the commission", "NSF") resolve to the full name the text gave.
 */
import { ORG_HEADS } from './lexicon.js';

/** Common international acronyms, used only when the text gives no expansion of its own. */
const KNOWN_ACRONYMS: Record<string, string> = {
  UN: 'United Nations',
  EU: 'European Union',
  WHO: 'World Health Organization',
  AU: 'African Union',
  IAEA: 'International Atomic Energy Agency',
  IDF: 'Israel Defense Forces',
  ICC: 'International Criminal Court',
  ICJ: 'International Court of Justice',
  IMF: 'International Monetary Fund',
  UNHCR: 'U.N. refugee agency',
  UNICEF: 'UNICEF',
  OCHA: 'OCHA',
  NATO: 'NATO',
};

const SMALL = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);

function initials(words: string[]): string {
  return words
    .filter((w) => !SMALL.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Strips dots: "U.N." → "UN". */
export function acronymKey(word: string): string {
  return word.replace(/\./g, '').toUpperCase();
}

export function isAcronym(word: string): boolean {
  return /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,6}$/.test(word);
}

export interface BriefingNames {
  /** Acronym (without dots) → full name. */
  acronyms: Map<string, string>;
  /** Place name → the adjective the text uses for it. */
  adjectives: Map<string, string>;
  /** Organisation names in order of appearance, with their item. */
  organisations: { name: string; item: number }[];
  /** News outlets the text introduces as such ("state broadcaster MRT"), lower-cased. */
  outlets: Set<string>;
  /**
   * Names the text treats as organisations though they read like a person's ("Kestrel Pay said
   * its …", "cybersecurity firm Tallow Labs", "Castellan Medical, a firm owned by …").
   */
  organisationNames: Set<string>;
}

const OUTLET_INTRO =
  /\b(?:broadcaster|newspaper|news\s+agency|news\s+site|news\s+website|outlet|station|channel|tabloid|daily|wire\s+service|magazine|TV|television|radio)\s*,?\s+((?:the\s+|The\s+)?[A-Z][\p{L}\d’'.&-]*(?:\s+[A-Z0-9][\p{L}\d’'.&-]*)*)/gu;

export function gatherOutlets(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(OUTLET_INTRO)) {
    out.add(
      m[1]
        .replace(/^the\s+/i, '')
        .replace(/[’']s$/, '')
        .toLowerCase(),
    );
  }
  return out;
}

const CAP_SEQ = /\b((?:[A-Z][\p{L}’'.-]*)(?:\s+(?:of|for|and|the|on|&|[A-Z][\p{L}’'.-]*)){0,6})/gu;

export function gatherNames(items: string[]): BriefingNames {
  const acronyms = new Map<string, string>();
  const text = items.join('\n\n');
  // Defined: "Northern Shield Forces (NSF)".
  for (const m of text.matchAll(
    /((?:[A-Z][\p{L}’'-]*\s+(?:(?:of|for|and|the|on)\s+)?){1,7})\(([A-Z][A-Z.&]{1,8})\)/gu,
  )) {
    const words = m[1].trim().split(/\s+/);
    const key = acronymKey(m[2]);
    // Keep the shortest tail whose initials give the acronym.
    for (let k = words.length - 1; k >= 0; k--) {
      if (initials(words.slice(k)) === key) {
        acronyms.set(key, words.slice(k).join(' '));
        break;
      }
    }
  }
  // Implied: a capitalised name whose initials are an acronym the text also uses.
  const used = new Set<string>();
  for (const m of text.matchAll(/\b(?:[A-Z]\.){2,}|\b[A-Z][A-Z&]{1,6}\b/g))
    used.add(acronymKey(m[0]));
  const organisations: { name: string; item: number }[] = [];
  items.forEach((item, idx) => {
    for (const m of item.matchAll(CAP_SEQ)) {
      const words = m[1].replace(/[’']s$/, '').split(/\s+/);
      while (words.length && SMALL.has(words[words.length - 1].toLowerCase())) words.pop();
      while (words.length && SMALL.has(words[0].toLowerCase())) words.shift();
      if (words.length >= 2) {
        const key = initials(words);
        if (used.has(key) && !acronyms.has(key) && key.length >= 2)
          acronyms.set(key, words.join(' '));
      }
      const last = words[words.length - 1]?.toLowerCase().replace(/[’'.]s?$/, '');
      if (
        words.length >= 2 &&
        last &&
        (ORG_HEADS.has(last) ||
          /^(?:inc|corp|ltd|plc|co|llc|group|institute|center|centre|service|agency|commission|coalition|alliance|forces)$/.test(
            last,
          ))
      ) {
        organisations.push({
          name: words
            .join(' ')
            .replace(/^The\s+/, '')
            .replace(/\.$/, ''),
          item: idx,
        });
      }
    }
    // "Lusara’s health ministry", "the Karesh interior ministry"
    for (const m of item.matchAll(
      /\b([A-Z][\p{L}-]+(?:[’']s)?\s+(?:[a-z]+\s+){0,2}(?:ministry|military|army|government|office|police|authorities|forces|navy|embassy|parliament|presidency|cabinet))\b/gu,
    )) {
      organisations.push({ name: m[1], item: idx });
    }
  });
  for (const [k, v] of Object.entries(KNOWN_ACRONYMS)) if (!acronyms.has(k)) acronyms.set(k, v);

  const adjectives = new Map<string, string>();
  const capitalised = new Set(text.match(/\b[A-Z][\p{L}]{3,}\b/gu) ?? []);
  for (const w of capitalised) {
    const candidates = [
      `${w}n`,
      `${w}an`,
      `${w}i`,
      `${w}ian`,
      `${w}ese`,
      w.replace(/a$/, 'an'),
      w.replace(/ia$/, 'ian'),
      w.replace(/y$/, 'ian'),
    ];
    const adj = candidates.find((c) => c !== w && capitalised.has(c));
    if (adj) adjectives.set(w, adj);
  }
  return {
    acronyms,
    adjectives,
    organisations,
    outlets: gatherOutlets(text),
    organisationNames: gatherOrganisationNames(text),
  };
}

const NAME = "[A-Z][\\p{L}’'&-]*(?:\\s+(?:&\\s+)?[A-Z][\\p{L}’'&-]*){0,3}";
const ORGANISATION_NOUN =
  '(?:firm|company|group|association|union|party|operator|pollster|consultancy|insurer|lender|bank|startup|developer|maker|manufacturer|carrier|airline|utility|watchdog|charity|federation|league|club|team|network|collective|organi[sz]ation|institute|lab|laboratory)';
/** The evidence: a descriptor before the name, an appositive after it, or "X said its …". */
const ORGANISATION_EVIDENCE = [
  new RegExp(
    `\\b${ORGANISATION_NOUN}\\s+(?:calling\\s+itself\\s+|called\\s+|named\\s+)?(${NAME})`,
    'gu',
  ),
  new RegExp(
    `(${NAME}),\\s+(?:a|an|the)\\s+(?:(?!at\\s|for\\s|of\\s|with\\s|in\\s)[\\p{L}-]+\\s+){0,3}?${ORGANISATION_NOUN}\\b`,
    'gu',
  ),
  new RegExp(
    `(${NAME})\\s+(?:(?:also|later|earlier|has|had|then)\\s+)*(?:said|says|told|added|denied|confirmed|acknowledged|insisted)\\s+(?:that\\s+)?(?:its|it)\\b`,
    'gu',
  ),
  new RegExp(
    `(${NAME})[’']s\\s+(?:shares|chief\\s+executive|CEO|board|customers|employees|staff|systems|servers|network|bid|headquarters)\\b`,
    'gu',
  ),
];

export function gatherOrganisationNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const re of ORGANISATION_EVIDENCE)
    for (const m of text.matchAll(re)) {
      const name = m[1].replace(/^(?:The|A|An|In|On|But|And)\s+/, '');
      if (/\s/.test(name)) out.add(name);
    }
  for (const name of shortenedByFirstWord(text)) out.add(name);
  return out;
}

/**
 * People are shortened to their last name, organisations to their first: "Kestrel Pay" that the
 * text goes on to call "Kestrel", and never "Pay", is an organisation.
 */
function shortenedByFirstWord(text: string): string[] {
  // One pass over the capitalised words: how often each stands, and each pair stands together.
  const words = [...text.matchAll(/(?<![\p{L}’'.-])[A-Z][\p{Ll}’'-]+(?![\p{L}])/gu)];
  const count = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (let k = 0; k < words.length; k++) {
    const w = words[k][0].replace(/[’']s$/, '');
    count.set(w, (count.get(w) ?? 0) + 1);
    const next = words[k + 1];
    if (next && /^\s+$/.test(text.slice(words[k].index + words[k][0].length, next.index))) {
      const pair = `${words[k][0]} ${next[0].replace(/[’']s$/, '')}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [pair, together] of pairs) {
    const [first, last] = pair.split(' ');
    // Short first words are often family names said first ("Wang Yi", "Kim Jong Un").
    if (first.length < 5) continue;
    const firstAlone = (count.get(first) ?? 0) - together;
    const lastAlone = (count.get(last) ?? 0) - together;
    if (firstAlone > 0 && lastAlone === 0) out.push(pair);
  }
  return out;
}
