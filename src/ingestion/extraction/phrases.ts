/**
 * Token-level helpers the attribution stage uses to find the noun phrase that names a speaker:
 * white-space tokens with offsets, and the test for a word that can stand inside such a phrase
 * ("the", "Russian", "Defense", "Ministry", "spokesman", "Ukraine’s", "of").
 */
import { ORG_HEADS, PERSON_HEADS, ROLE_WORDS } from './lexicon.js';

export interface Token {
  /** The token as written, punctuation included. */
  raw: string;
  /** The token without leading quotes/brackets and trailing punctuation. */
  core: string;
  start: number;
  end: number;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const raw = text.slice(m.index, end);
    tokens.push({ raw, core: coreOf(raw), start: m.index, end });
  }
  return tokens;
}

export function coreOf(raw: string): string {
  // Dotted acronyms keep their last dot ("U.S.", "U.N.").
  const acronym = /^[“"‘(]*((?:[A-Z]\.){2,})[”"’),;:]*$/.exec(raw);
  if (acronym) return acronym[1];
  return raw
    .replace(/^[“"‘'([—–-]+/, '')
    .replace(/[”"’')\],.;:!?—–]+$/, '')
    .replace(/’$/, '');
}

const DAYS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/;

/** Capitalised words that begin clauses or adverbials, not names. */
const CAPITAL_FUNCTION_WORDS = new Set([
  'But',
  'And',
  'Or',
  'So',
  'Yet',
  'When',
  'If',
  'After',
  'Before',
  'While',
  'As',
  'On',
  'In',
  'At',
  'Since',
  'Meanwhile',
  'However',
  'Also',
  'Then',
  'Earlier',
  'Later',
  'Separately',
  'Still',
  'Despite',
  'During',
  'Though',
  'Although',
  'Because',
  'Until',
  'Over',
  'Under',
  'By',
  'From',
  'With',
  'Without',
  'For',
  'Last',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Here',
  'Now',
  'Today',
  'Yesterday',
  'Overnight',
  'Asked',
  'Speaking',
  'Writing',
  'According',
  'Amid',
  'Instead',
  'Elsewhere',
  'Once',
  'Even',
  'Only',
  'Not',
  'No',
  'Where',
  'What',
  'Why',
  'How',
  'Who',
  'Which',
  'It’s',
  "It's",
  'Many',
  'Some',
  'Most',
  'All',
  'Both',
  'Each',
  'Such',
  'Other',
  'Another',
]);

/** Lower-case words that may stand inside a speaker phrase. */
const PHRASE_LOWER = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'our',
  'two',
  'three',
  'four',
  'five',
  'six',
  'several',
  'some',
  'many',
  'other',
  'another',
  'both',
  'one',
  'senior',
  'top',
  'unnamed',
  'anonymous',
  'former',
  'local',
  'regional',
  'state',
  'state-run',
  'state-owned',
  'independent',
  'of',
  'for',
  'at',
  'in',
  'from',
  'human',
  'rights',
  'aid',
  'humanitarian',
  'rescue',
  'medical',
  'civil',
  'civilian',
  'nuclear',
  'atomic',
  'naval',
  'electoral',
  'power',
  'plant',
  'occupation',
  'occupying',
  'installed',
  'appointed',
  'backed',
  'run',
  'owned',
  'controlled',
  'allied',
  'militant',
  'armed',
  'separatist',
  'rebel',
  'ruling',
  'nonprofit',
  'advocacy',
  'private',
  'public',
  'federal',
  'provincial',
  'municipal',
  'city',
  'county',
  'district',
  'town',
  'village',
  'camp',
  'coast',
  'missile',
  'drone',
  'news',
  'wire',
  'outlets',
  'outlet',
  'agency',
  'agencies',
  'media',
  'relief',
  'defense',
  'defence',
  'emergency',
  'health',
  'foreign',
  'military',
  'intelligence',
  'western',
  'european',
  'israeli',
  'u.n.',
  'un',
  'world',
  'international',
  'global',
  'general',
  'crisis',
  'monitoring',
  'group',
  'groups',
  'rights-group',
  'familiar',
  'with',
  'knowledge',
  'matter',
  'talks',
  'situation',
  'plans',
  'discussions',
  'negotiations',
  'briefed',
  'close',
  'administration',
  'government',
  'pro-russian',
  'pro-kremlin',
  'pro-iranian',
  'iran-backed',
  'russian-installed',
  'kremlin-installed',
  'moscow-installed',
  'self-proclaimed',
  'de',
  'al',
  'bin',
  'van',
  'von',
  'der',
  'la',
  'le',
  'du',
  'da',
  'di',
  'el',
  'ibn',
  'abu',
]);

export function isDayOrMonth(word: string): boolean {
  return DAYS.test(word);
}

export function isCapitalized(word: string): boolean {
  return /^[A-Z\u00c0-\u00de]/.test(word) || /^[a-z]{1,3}-[A-Z]/.test(word);
}

export function isPossessive(word: string): boolean {
  return /[’']s$/.test(word) || /s[’']$/.test(word);
}

/** Whether a word (its core) may stand inside a phrase naming a speaker. */
export function isPhraseWord(core: string): boolean {
  if (!core) return false;
  if (/^\d[\d,.]*$/.test(core)) return true;
  if (core === '&') return true; // "Fenwick & Lowe" (walkBack checks the neighbours)
  if (isCapitalized(core)) {
    return !CAPITAL_FUNCTION_WORDS.has(core) && !isDayOrMonth(core);
  }
  const lower = core.toLowerCase();
  const bare = lower.replace(/[’']s$/, '');
  return (
    PHRASE_LOWER.has(lower) ||
    ROLE_WORDS.has(bare) ||
    ORG_HEADS.has(bare) ||
    PERSON_HEADS.has(bare) ||
    looksLikeAgent(bare) ||
    /^[a-z]+-(?:based|backed|run|owned|installed|appointed|controlled|led|affiliated|linked|aligned)$/.test(
      lower,
    ) ||
    isHyphenatedTitle(bare)
  );
}

/** "director-general", "editor-in-chief": a title joined by hyphens. */
function isHyphenatedTitle(lower: string): boolean {
  return lower.includes('-') && lower.split('-').some((part) => ROLE_WORDS.has(part));
}

/** Whether a word can be the last word (the head) of a speaker phrase. */
/** Lower-case words that end like a person or group noun but are not one. */
const NOT_AGENTS = new Set([
  'after',
  'later',
  'never',
  'other',
  'under',
  'over',
  'either',
  'neither',
  'whether',
  'rather',
  'together',
  'however',
  'ever',
  'further',
  'earlier',
  'order',
  'per',
  'matter',
  'another',
  'number',
  'water',
  'power',
  'border',
  'winter',
  'summer',
  'quarter',
  'center',
  'centre',
  'letter',
  'paper',
  'shelter',
  'theater',
  'weather',
  'disaster',
  'minister',
  'meter',
  'filter',
  'computer',
  'counter',
  'monitor',
  'sector',
  'factor',
  'error',
  'floor',
  'door',
  'major',
  'minor',
  'actor',
  'document',
  'government',
  'statement',
  'agreement',
  'moment',
  'percent',
  'event',
  'content',
  'element',
  'recent',
  'present',
  'current',
  'different',
  'independent',
  'equipment',
  'parliament',
  'payment',
]);

/** Plural or agent nouns by their ending: "protesters", "firefighters", "economists", "residents". */
export function looksLikeAgent(lower: string): boolean {
  if (NOT_AGENTS.has(lower)) return false;
  return /^[a-z-]{4,}(?:ers|ors|ists|ians|ants|ents|men|women|people|persons|er|or|ist|ian|man|woman|person)$/.test(
    lower,
  );
}

export function isHeadWord(core: string): boolean {
  if (!core) return false;
  if (/^\d{1,3}$/.test(core)) return true; // "Canal 5", "Channel 12" (the walk decides the rest)
  if (isPossessive(core)) return false;
  if (isCapitalized(core)) return !CAPITAL_FUNCTION_WORDS.has(core) && !isDayOrMonth(core);
  const lower = core.toLowerCase();
  if (looksLikeAgent(lower)) return true;
  if (isHyphenatedTitle(lower)) return true;
  return (
    ROLE_WORDS.has(lower) ||
    ORG_HEADS.has(lower) ||
    PERSON_HEADS.has(lower) ||
    lower === 'media' ||
    lower === 'matter' ||
    lower === 'talks' ||
    lower === 'situation' ||
    lower === 'plans' ||
    lower === 'discussions' ||
    lower === 'negotiations'
  );
}

export const PRONOUN_RE = /^(?:he|she|it|they|we|i|He|She|It|They|We|I)$/;
