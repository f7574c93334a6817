/**
 * Stage 4: speakers. A speaker phrase as written ("Kremlin spokesman Dmitry Peskov", "Lim Soo-suk,
 * a spokesman for South Korea’s Foreign Ministry", "the ministry", "he") becomes a speaker name, a
 * role and an affiliation. Pronouns, surnames and definite descriptions resolve to the last
 * matching speaker (or titled person) the text has named.
 */
import {
  COUNTRIES,
  ORG_HEADS,
  OUTLETS,
  PERSON_HEADS,
  ROLE_WORDS,
  type Country,
} from './lexicon.js';
import { isCapitalized, isDayOrMonth } from './phrases.js';
import { isOutletPhrase, relayName } from './relays.js';
import { splitSentences } from './sentences.js';
import { acronymKey, isAcronym, type BriefingNames } from './names.js';

export type SpeakerKind = 'person' | 'org' | 'outlet' | 'country' | 'group' | 'name' | 'pronoun';

export interface SpeakerInfo {
  speaker: string;
  role: string | null;
  affiliation: string | null;
  kind: SpeakerKind;
}

const PARTICLES = /^(?:al|bin|de|van|von|der|la|le|da|di|el|ibn|abu|du|dos|das|del|ben|&)$/;

const aliasIndex: [string, Country][] = COUNTRIES.flatMap((c) =>
  c.aliases.map((a) => [a.toLowerCase(), c] as [string, Country]),
).sort((x, y) => y[0].length - x[0].length);

/** Lower-cased alias → country; an alias two countries share goes to the first listed. */
const ALIAS_BY_LOWER = new Map<string, Country>();
for (const [alias, c] of aliasIndex) if (!ALIAS_BY_LOWER.has(alias)) ALIAS_BY_LOWER.set(alias, c);

/** The country a word or phrase names ("Russian", "Britain’s", "the U.S."), if any. */
export function countryOf(phrase: string): Country | null {
  const p = phrase
    .replace(/[’']s$/, '')
    .replace(/^the\s+/i, '')
    .trim()
    .toLowerCase();
  return ALIAS_BY_LOWER.get(p) ?? null;
}

const MAX_ALIAS_WORDS = Math.max(...aliasIndex.map(([a]) => a.split(' ').length));

/** The first country named anywhere in a phrase (capitalised, as a name). */
export function countryIn(phrase: string): Country | null {
  const ws = phrase.split(/[\s,;:()“”"]+/).filter(Boolean);
  for (let k = 0; k < ws.length; k++) {
    if (!/^[A-Z]/.test(ws[k])) continue;
    for (let n = Math.min(MAX_ALIAS_WORDS, ws.length - k); n >= 1; n--) {
      const key = ws
        .slice(k, k + n)
        .join(' ')
        .replace(/[’']s$/, '')
        .toLowerCase();
      const c = ALIAS_BY_LOWER.get(key);
      if (c) return c;
    }
  }
  return null;
}

function words(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean);
}

function isNameWord(w: string): boolean {
  if (PARTICLES.test(w)) return true;
  if (!isCapitalized(w) || (isDayOrMonth(w) && w.length > 4)) return false;
  const lower = w.toLowerCase().replace(/[’']s$/, '');
  if (ROLE_WORDS.has(lower) || ORG_HEADS.has(lower) || PERSON_HEADS.has(lower)) return false;
  if (countryOf(w)) return false;
  if (
    /^(?:U\.S\.|U\.N\.|EU|NATO|UN|U\.K\.|White|House|Kremlin|Pentagon|Hamas|Hezbollah|Taliban|IDF|Houthis?|Wagner|FSB|SBU|CIA|FBI|NSC|IAEA|WHO|UNICEF|ICC|ICJ|OPEC|G7|G20)$/.test(
      w,
    )
  )
    return false;
  return /^[A-Z\u00c0-\u00de][\p{L}’'.-]*$/u.test(w);
}

/** Strips a leading determiner and edge punctuation. */
function bare(phrase: string): string {
  return phrase
    .replace(/^[“"‘(]+|[”"’),.;:]+$/g, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
}

/** "Britain’s Defense Ministry" → "British Defense Ministry"; "Ukraine’s military" → "Ukrainian military". */
export function normalizeOrgName(name: string): string {
  const m = /^([A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)?)[’']s\s+(.+)$/u.exec(name);
  if (m) {
    const c = countryOf(m[1]);
    if (c && c.adjective !== c.name && !/^(?:U\.S\.|EU)$/.test(c.adjective))
      return `${c.adjective} ${m[2]}`;
    if (c) return `${c.adjective} ${m[2]}`;
  }
  return name;
}

/** Affiliation for a role: the body it names, else the country its adjective names. */
export function affiliationOfRole(role: string): string | null {
  const forOf =
    /\b(?:for|of|at|with)\s+(?:the\s+)?([A-Z][\p{L}’'.-]*(?:\s+(?:[A-Z][\p{L}’'.-]*|of|for|and))*)/u.exec(
      role,
    );
  if (forOf) return normalizeOrgName(forOf[1].replace(/\s+(?:of|for|and)$/, ''));
  const regional = /^([A-Z][\p{L}-]+)\s+regional\b/u.exec(role);
  if (regional) return `${regional[1]} region`;
  // Capitalised words before a title ("Kremlin spokesman", "White House National Security Council spokesman").
  const ws = words(role);
  const chunk: string[] = [];
  let end = ws.length;
  for (const [k, w] of ws.entries()) {
    const lower = w.toLowerCase();
    if (isCapitalized(w) && !ROLE_WORDS.has(lower)) chunk.push(w);
    else if (chunk.length) {
      end = k;
      break;
    }
  }
  // … only when a title follows within a few words ("Hamas political bureau member", "Green
  // Renewal’s parliamentary leader"): "lawyer representing burned Voltara customers" is no member.
  const titled =
    end === ws.length ||
    /[’']s$/.test(chunk.at(-1) ?? '') ||
    ws.slice(end, end + 3).some((w) => ROLE_WORDS.has(w.toLowerCase()));
  if (chunk.length && titled) {
    const text = chunk.join(' ');
    const c = countryOf(text);
    if (c) return c.name;
    const cIn = countryIn(text);
    if (cIn && chunk.length === 1) return cIn.name;
    return chunk.length >= 2 && /^(?:White|House)$/.test(chunk[0])
      ? 'White House'
      : text.replace(/[’']s$/, '');
  }
  const c = countryIn(role);
  return c ? c.name : null;
}

/** Whether a text names a person by their last name, as a word of its own. */
function namesSurname(text: string, name: string): boolean {
  const surname = name.split(/\s+/).pop() ?? '';
  if (surname.length < 3 || !/^\p{Lu}/u.test(surname)) return false;
  // Every occurrence counts: "Kerrigan Road" before "Kerr" must not hide the name itself.
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1))
    if (!/\p{L}/u.test(text[at - 1] ?? ' ') && !/\p{L}/u.test(text[at + surname.length] ?? ' '))
      return true;
  return false;
}

const LEADER_TITLES = ['leader', 'chair', 'president', 'head', 'chief', 'secretary general'];

const ROLE_THEN_NAME =
  /\b(?:spokes(?:wo)?man|spokesperson|minister|director|official|chief|head|commander|officer|chair(?:man|woman)?|president|secretary|manager|analyst|researcher|doctor|inspector|governor|mayor|leader|editor|reporter|correspondent)\s+[A-Z][\p{Ll}’'-]+(?:\s+[A-Z][\p{Ll}’'-]+)+$/u;

const ABBREVIATED_TITLE =
  /\b(?:(?:Vice|Rear)\s+Adm|Brig\.?\s+Gen|Maj\.?\s+Gen|Lt\.?\s+Gen|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Adm|Capt|Sgt|Maj|Cmdr|Insp|Supt|Rev)\.?\s+(?=[A-Z][\p{Ll}])/gu;

/** The last word of a company's name: "Tarrow Electric", "Veltrix Therapeutics", "Acme Inc". */
const COMPANY_SUFFIX =
  /^(?:Inc|Corp|Ltd|LLC|PLC|plc|Co|Group|Holdings|AG|SA|GmbH|Electric|Energy|Power|Motors|Airlines|Airways|Pharma|Pharmaceuticals|Therapeutics|Biotech|Medical|Clinical|Bank|Capital|Partners|Labs|Systems|Technologies|Tech|Software|Networks|Telecom|Mining|Oil|Gas|Steel|Foods|Media|Insurance|Logistics|Shipping|Lines|Analytics|Research|Securities|Investments|Industries|Chemicals|Robotics|Semiconductor|Aerospace|Automotive|Brewing|Textiles)\.?$/;

const BODY_OF =
  /\b(?:Office|Ministry|Department|Bureau|Agency|Council|Commission|Institute|Centre|Center|Board|Authority|Federation|Association|Society|League|Academy|University|College|Directorate|Service)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\p{L}’'-]*(?:\s+(?:of|for|and|&|[A-Z][\p{L}’'-]*))*$/u;

const ORGANISATION_APPOSITIVE =
  /^(?:a|an|the)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:company|firm|group|organi[sz]ation|agency|association|union|party|operator|maker|manufacturer|developer|bank|lender|insurer|lab|laboratory|charity|network|institute|utility|carrier|airline|consultancy|pollster|chain|retailer|grocer|supermarket|brand|publisher|broadcaster)\b/iu;

/** Parses a speaker phrase as written, without context. */
export function describeSpeaker(phrase: string): SpeakerInfo {
  // "Dr. Anita Serrano", "Vice Adm. Tomas Reval": an abbreviated title is not part of the name.
  const text = bare(phrase).replace(ABBREVIATED_TITLE, '');
  if (/^(?:he|she|it|they|we|i)$/i.test(text))
    return { speaker: text.toLowerCase(), role: null, affiliation: null, kind: 'pronoun' };

  // Appositives: "Lim Soo-suk, a spokesman for …" / "the governor of Kursk, Roman Starovoyt".
  const appo = /^(.+?),\s+(.+)$/.exec(text);
  if (appo) {
    const [left, right] = [appo[1], appo[2]];
    // "Meridale Clinical, the Askervik-based contract research organisation that …": a body.
    // … but "Marek Holtz, the Civic Union spokesman" is a person: the appositive ends in a title.
    const head = words(right.split(/\s+(?:who|that|which|for|of|at|in)\s/)[0]).pop() ?? '';
    const titled = ROLE_WORDS.has(head.toLowerCase()) || PERSON_HEADS.has(head.toLowerCase());
    if (
      words(left.replace(/[’']s$/, '')).every(isNameWord) &&
      ORGANISATION_APPOSITIVE.test(right) &&
      !titled
    )
      return { speaker: left, role: null, affiliation: null, kind: 'org' };
    const leftName = words(left).every(isNameWord);
    const rightName = words(bare(right)).every(isNameWord);
    if (leftName && !rightName) return person(left, bare(right));
    // "Norvania’s national regulator, the Product Safety Commission": the body the title names.
    if (!leftName && /^the\s/i.test(right) && words(bare(right)).every(isCapitalized)) {
      const country = countryIn(left);
      return { speaker: bare(right), role: null, affiliation: country?.name ?? null, kind: 'org' };
    }
    // "Inspector Jonas Hale, a spokesman for Halden Police": the title before the name goes.
    const untitled = words(left);
    while (untitled.length > 1 && ROLE_WORDS.has(untitled[0].toLowerCase())) untitled.shift();
    if (untitled.length < words(left).length && untitled.every(isNameWord) && !rightName)
      return person(untitled.join(' '), bare(right));
    if (rightName && !leftName) return person(bare(right), bare(left));
  }

  // "Opposition leader Petra Solvig of the Social Democratic Front": a titled name, then its body.
  const ofBody =
    /^(.+?\s[A-Z][\p{Ll}’'-]+)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)+)$/u.exec(
      text,
    );
  if (ofBody) {
    const titled = describeSpeaker(ofBody[1]);
    if (titled.kind === 'person' && titled.role && words(titled.speaker).length >= 2)
      return { ...titled, affiliation: ofBody[2] };
  }

  // "agency spokeswoman Anita Serrano" is a person, whatever "agency" suggests.
  if (isOutletPhrase(text) && !ROLE_THEN_NAME.test(text)) {
    const name = relayName(text);
    return { speaker: name, role: null, affiliation: null, kind: 'outlet' };
  }
  const c = countryOf(text);
  if (c)
    return {
      speaker: text,
      role: null,
      affiliation: c.name === text ? null : c.name,
      kind: 'country',
    };

  const ws = words(text);
  if (COMPANY_SUFFIX.test(ws[ws.length - 1]) && ws.length >= 2) {
    return { speaker: text, role: null, affiliation: null, kind: 'org' };
  }
  // "Orland County’s Office of Emergency Management": a body named by its kind and remit.
  if (BODY_OF.test(text)) {
    const name = text.replace(/[’']s\s+/u, ' ');
    return { speaker: name, role: null, affiliation: null, kind: 'org' };
  }
  // Possessive outlet or body before a name: "The Post’s Adam Taylor".
  let k = ws.length;
  while (k > 0 && isNameWord(ws[k - 1].replace(/[’']s$/, '')) && !/[’']s$/.test(ws[k - 1])) k--;
  while (k < ws.length && PARTICLES.test(ws[k])) k++;
  const nameRun = ws.slice(k);
  const before = ws.slice(0, k);
  if (nameRun.length >= 1) {
    const lastBefore = before[before.length - 1]?.toLowerCase().replace(/[’']s$/, '') ?? '';
    const titled =
      before.length > 0 && (ROLE_WORDS.has(lastBefore) || /[’']s$/.test(before[before.length - 1]));
    if (nameRun.length >= 2 || titled) {
      const name = nameRun.join(' ');
      if (!ORG_HEADS.has(nameRun[nameRun.length - 1].toLowerCase())) {
        return person(name, before.length ? before.join(' ') : null);
      }
    }
    if (nameRun.length === 1 && before.length === 0) {
      return { speaker: nameRun[0], role: null, affiliation: null, kind: 'name' };
    }
  }
  // Organisations and groups: "the Russian Defense Ministry", "Russian officials", "U.S. intelligence".
  const head = ws[ws.length - 1].toLowerCase();
  const name = normalizeOrgName(text);
  const country = countryIn(name);
  if (PERSON_HEADS.has(head) && (!ORG_HEADS.has(head) || /s$/.test(head))) {
    const plural = /s$/.test(head) && head !== 'boss';
    if (plural)
      return { speaker: name, role: null, affiliation: country?.name ?? null, kind: 'group' };
    return { speaker: name, role: name, affiliation: affiliationOfRole(name), kind: 'person' };
  }
  return {
    speaker: name,
    role: null,
    affiliation: country && country.name !== name ? country.name : null,
    kind: 'org',
  };
}

function person(name: string, role: string | null): SpeakerInfo {
  let r = role ? bare(role) : null;
  let affiliation = r ? affiliationOfRole(r) : null;
  if (r && /[’']s$/.test(r)) {
    // "The Post’s Adam Taylor": the possessive is the affiliation.
    const owner = r.replace(/[’']s$/, '');
    affiliation = isOutletPhrase(owner) ? owner : normalizeOrgName(owner);
    r = isOutletPhrase(owner) ? `${owner} reporter` : r;
  }
  return { speaker: name, role: r, affiliation, kind: 'person' };
}

/** A person named in the text with a title, for resolving later surnames and descriptions. */
interface Mention {
  info: SpeakerInfo;
  item: number;
}

const TITLED_NAME =
  /\b((?:(?:Prime|Foreign|Defense|Defence|Interior|Finance|Deputy|Vice|Acting|Former|National|Security|Chief|Supreme|Press|Senior)\s+)*(?:President|Minister|Secretary|Chancellor|Premier|King|Queen|Prince|Gen\.|General|Lt\.|Col\.|Adm\.|Sen\.|Rep\.|Gov\.|Governor|Mayor|Speaker|Leader|Senator|Representative|Councillor|Councilor|Councilman|Councilwoman|Alderman|Inspector|Detective|Sheriff|Superintendent|Professor|Prof\.|Dr\.|Director|Chairman|Chairwoman|Commissioner|Administrator|Judge|Justice|Attorney General|Chief Executive|Officer|Commander|Spokesperson|Ambassador|Envoy|Spokesman|Spokeswoman|spokesman|spokeswoman|spokesperson|leader|president|minister|secretary|governor|mayor|chief|commander|head|director|official|adviser|envoy|ambassador|CEO|chairman|founder|prosecutor|judge|analyst|correspondent|reporter|aide)\s+)((?:[A-Z][\p{L}’'-]+|(?:al|bin|de|van|von|el|ibn)(?![\p{L}]))(?:\s+(?:[A-Z][\p{L}’'-]+|(?:al|bin|de|van|von|el|ibn)(?![\p{L}]))){0,3})/gu;

const APPOSITIVE_MENTION =
  /(?<![\p{L}’'.-])([A-Z][\p{Ll}’'-]+(?:\s+[A-Z][\p{Ll}’'-]+){1,2}),\s+((?:a|an|the)\s+(?:[\p{Ll}’'-]+\s+){0,3}?[\p{Ll}-]+(?:\s+(?:for|of|at|with|in)\s+[^,;.]{2,60})?),/gu;

export function findMentions(items: string[]): Mention[] {
  const out: Mention[] = [];
  items.forEach((item, idx) => {
    for (const sentence of splitSentences(item)) {
      TITLED_NAME.lastIndex = 0;
      for (let m = TITLED_NAME.exec(sentence.text); m; m = TITLED_NAME.exec(sentence.text)) {
        const full = m[2].split(/\s+/);
        let n = 0;
        while (n < full.length && isNameWord(full[n].replace(/[’']s$/, ''))) n++;
        if (n === 0) continue;
        const name = full
          .slice(0, n)
          .join(' ')
          .replace(/[’']s$/, '');
        // One capitalised word, or up to two lower-case ones, before the title belong to the role.
        const before =
          /(?:((?:[A-Z][\p{L}’'.-]*\s+)?[A-Z][\p{L}’'.-]*)|((?:[a-z]+\s+){0,1}[a-z]+))\s+$/u.exec(
            sentence.text.slice(Math.max(0, m.index - 40), m.index),
          );
        const lead =
          before &&
          !/^(?:the|a|an|and|of|said|says|told|by|with|to|for|in|on|at)$/.test(before[0].trim())
            ? before[0]
            : '';
        const role = `${lead}${m[1]}`.trim();
        out.push({ info: person(name, role), item: idx });
      }
      // "Karin Moe, a spokeswoman for the agency, could neither confirm …": a titled mention too.
      if (/,\s(?:a|an|the)\s/.test(sentence.text))
        for (const m of sentence.text.matchAll(APPOSITIVE_MENTION)) {
          const role = m[2].replace(/^(?:a|an|the)\s+/i, '');
          const head =
            role
              .split(/\s+(?:for|of|at|with|in|who|that|which)\s+/)[0]
              .split(/\s+/)
              .pop() ?? '';
          if (!ROLE_WORDS.has(head.toLowerCase()) && !PERSON_HEADS.has(head.toLowerCase()))
            continue;
          out.push({ info: person(m[1], role), item: idx });
        }
      // Untitled full names ("Harlan Voss diverted …") still let a later surname resolve.
      for (const m of sentence.text.matchAll(
        /(?<![\p{L}’'.-])([A-Z][\p{Ll}’'-]+(?:\s+(?:al|bin|de|van|von|el|ibn|da|di|du))?(?:\s+[A-Z][\p{Ll}’'-]+){1,2})(?![\p{L}])/gu,
      )) {
        const words = m[1].split(/\s+/);
        if (!words.every((w) => isNameWord(w) || PARTICLES.test(w))) continue;
        if (m.index === 0 && /^(?:The|A|An|In|On|At|But|And|As|After|When|While)$/.test(words[0]))
          continue;
        if (
          /^(?:[’']s|\s+(?:Inc|Corp|Ltd|Group|Company|Ministry|Agency|Council|Party|Forces|Army|University|Hospital|Center|Centre|Institute|Foundation|River|Street|Square|Province|Region|Oblast|County|Island|Sea|Mountains?))/.test(
            sentence.text.slice(m.index + m[0].length),
          )
        )
          continue;
        out.push({
          info: { speaker: m[1], role: null, affiliation: null, kind: 'person' },
          item: idx,
        });
      }
    }
  });
  return out;
}

export interface ResolveContext {
  item: number;
  /** The clause's own subject, for "it". */
  clauseSubject: string | null;
  /** Text of the item, for regional descriptions. */
  itemText: string;
}

interface HistoryEntry {
  info: SpeakerInfo;
  item: number;
}

type Resolution = { info: SpeakerInfo; how: 'explicit' | 'resolved' | 'unresolved' };

function headOf(name: string): string {
  const ws = name.toLowerCase().split(/\s+/);
  return ws[ws.length - 1].replace(/[’']s$/, '');
}

/** Heads general enough that "the company" may stand for any organisation named just before. */
const GENERIC_ORG_HEADS = new Set([
  'company',
  'firm',
  'group',
  'utility',
  'organization',
  'organisation',
  'operator',
  'startup',
  'business',
  'carrier',
  'airline',
  'manufacturer',
  'maker',
  'lender',
  'bank',
  'insurer',
  'developer',
  'retailer',
  'chain',
  'grocer',
  'supermarket',
  'platform',
  'campaign',
  'party',
  'movement',
  'body',
  'institution',
  'outlet',
]);

const OUTLET_DESCRIPTION =
  /^(?:newspaper|paper|site|website|broadcaster|station|channel|network|outlet|daily|magazine|tabloid|wire)$/;

const REGIONAL =
  /^(?:the\s+)?(?:([A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?)(?:[’']s)?\s+)?(?:(provincial|regional|local|state|district|county|oblast|city)\s+)?(governor|mayor)$/u;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const LOOKBACK = 300;

/** The last entry of an item-ordered list that satisfies `pred`, looking back no further than `minItem`. */
function lastWhere<T extends { item: number }>(
  list: readonly T[] | undefined,
  pred: (x: T) => boolean,
  minItem = -Infinity,
  maxItem = Infinity,
): T | undefined {
  if (!list) return undefined;
  // Looking back a few hundred entries is plenty for a briefing and keeps huge texts linear.
  for (let k = list.length - 1, seen = 0; k >= 0 && seen < LOOKBACK; k--, seen++) {
    const x = list[k];
    if (x.item < minItem) return undefined;
    if (x.item <= maxItem && pred(x)) return x;
  }
  return undefined;
}

/** Resolves speaker phrases against what the briefing has named so far. */
export class SpeakerResolver {
  private readonly history: HistoryEntry[] = [];
  /** Name word → people spoken or mentioned with it, in order. */
  private readonly peopleByWord = new Map<string, HistoryEntry[]>();
  private readonly mentionsByWord = new Map<string, Mention[]>();
  private readonly mentionsByItem = new Map<number, Mention[]>();
  private readonly mentionByName = new Map<string, Mention>();
  /** Last word of an organisation's name → its speakers and mentions, in order. */
  private readonly orgsByHead = new Map<string, HistoryEntry[]>();
  private readonly namedOrgsByHead = new Map<string, { name: string; item: number }[]>();

  constructor(
    private readonly mentions: Mention[],
    private readonly names: BriefingNames = {
      acronyms: new Map(),
      adjectives: new Map(),
      organisations: [],
      outlets: new Set(),
      organisationNames: new Set(),
    },
  ) {
    for (const m of mentions) {
      for (const w of m.info.speaker.split(/\s+/)) push(this.mentionsByWord, w, m);
      if (m.info.role) push(this.mentionsByItem, m.item, m);
      if (m.info.role) this.mentionByName.set(m.info.speaker, m);
    }
    for (const o of names.organisations) push(this.namedOrgsByHead, headOf(o.name), o);
  }

  /** Records a resolved speaker as the latest one. */
  remember(info: SpeakerInfo, item: number): void {
    const entry = { info, item };
    this.history.push(entry);
    if (info.kind === 'person')
      for (const w of info.speaker.split(/\s+/)) push(this.peopleByWord, w, entry);
    else push(this.orgsByHead, headOf(info.speaker), entry);
  }

  resolve(phrase: string, ctx: ResolveContext): Resolution {
    const r = this.resolveRaw(phrase, ctx);
    if (r.info.kind !== 'outlet' && isOutletPhrase(r.info.speaker, this.names.outlets)) {
      r.info = {
        ...r.info,
        speaker: relayName(r.info.speaker),
        role: null,
        affiliation: null,
        kind: 'outlet',
      };
    }
    return { ...r, info: this.polish(r.info) };
  }

  /** Expands a defined acronym and writes "Lusara’s health ministry" as "Lusaran health ministry". */
  private polish(info: SpeakerInfo): SpeakerInfo {
    let speaker = info.speaker.replace(/,?\s+(?:Inc|Corp|Ltd|Co|LLC|PLC|plc)\.?$/, '');
    if (isAcronym(speaker.replace(/^the\s+/i, '')) && info.kind !== 'person') {
      const full = this.names.acronyms.get(acronymKey(speaker.replace(/^the\s+/i, '')));
      if (full) speaker = full;
    }
    speaker = this.adjectivize(speaker);
    const affiliation = info.affiliation ? this.adjectivize(info.affiliation) : null;
    return { ...info, speaker, affiliation };
  }

  /** A relay's name as the briefing writes it in full ("Britain’s Defense Ministry" → "British Defense Ministry"). */
  relayName(name: string): string {
    let n = name;
    // "told the station" after "told KGLF-TV": the outlet named last.
    if (
      /^(?:the\s+)?(?:station|newspaper|broadcaster|channel|network|agency|outlet|paper|wire|daily)$/i.test(
        n.trim(),
      )
    ) {
      return this.lastRelay ?? n;
    }
    if (isAcronym(n)) n = this.names.acronyms.get(acronymKey(n)) ?? n;
    n = this.adjectivize(n);
    this.lastRelay = n;
    return n;
  }

  private lastRelay: string | null = null;

  private adjectivize(name: string): string {
    const m = /^([A-Z][\p{L}-]+)[’']s\s+(.+)$/u.exec(name);
    if (!m) return name;
    const adj = this.names.adjectives.get(m[1]);
    return adj ? `${adj} ${m[2]}` : normalizeOrgName(name);
  }

  private resolveRaw(phrase: string, ctx: ResolveContext): Resolution {
    // "The statement from Johnson’s office", "a White House readout": the document's issuer.
    if (
      /\b(?:readout|statement|report|assessment|survey|study|analysis|review|memo|filing|transcript|advisory|bulletin|audit|projection|poll|forecast)s?\b/i.test(
        phrase,
      ) &&
      !/^(?:the|a|an)\s+\w+$/i.test(phrase.trim())
    ) {
      const issuer = relayName(phrase);
      if (issuer && issuer.toLowerCase() !== phrase.toLowerCase().replace(/^(?:the|a|an)\s+/, ''))
        phrase = issuer;
    }
    const info = describeSpeaker(phrase);
    const plain = bare(phrase);
    const regional = REGIONAL.exec(plain);
    if (regional) return this.resolveRegional(phrase, regional, ctx);
    switch (info.kind) {
      case 'pronoun':
        return this.resolvePronoun(info, ctx);
      case 'name':
        return this.resolveSurname(info, ctx);
      case 'person':
        if (this.isDescription(phrase)) return this.resolveDescription(phrase, info, ctx, 'person');
        if (!info.role && this.names.organisationNames.has(info.speaker))
          return { info: { ...info, kind: 'org' }, how: 'explicit' };
        return { info: this.complete(info), how: 'explicit' };
      case 'org':
      case 'group':
      case 'outlet':
        if (this.isDescription(phrase)) return this.resolveDescription(phrase, info, ctx, 'org');
        return { info, how: 'explicit' };
      default:
        return { info, how: 'explicit' };
    }
  }

  /** "the ministry", "the Commission", "the Kremlin spokesman", "the company": a definite description. */
  private isDescription(phrase: string): boolean {
    const p = phrase.trim().replace(/^[“"]/, '');
    if (!/^the\s/i.test(p)) return false;
    const ws = p.split(/\s+/).slice(1);
    if (ws.length > 4) return false;
    const head = ws[ws.length - 1].toLowerCase();
    if (!(
      ORG_HEADS.has(head) ||
      PERSON_HEADS.has(head) ||
      ROLE_WORDS.has(head) ||
      GENERIC_ORG_HEADS.has(head) ||
      /^(?:readout|statement|report|center|centre|service|institute|mission|coalition|alliance|campaign|paper)$/.test(
        head,
      )
    ))
      return false;
    // A capitalised name that is more than the head ("the Russian Defense Ministry") is explicit.
    const caps = ws.filter((w) => /^[A-Z]/.test(w));
    if (caps.length >= 2) return false;
    if (caps.length === 1 && caps[0].toLowerCase() !== head && countryOf(caps[0])) return false;
    return true;
  }

  /** A person named in full gets the role a titled mention gave them when the phrase had none. */
  private complete(info: SpeakerInfo): SpeakerInfo {
    if (info.role) return info;
    const m = this.mentionByName.get(info.speaker);
    return m ? { ...info, role: m.info.role, affiliation: m.info.affiliation } : info;
  }

  private resolvePronoun(info: SpeakerInfo, ctx: ResolveContext): Resolution {
    const p = info.speaker;
    const history = this.history;
    if (p === 'he' || p === 'she') {
      const same = lastWhere(
        history,
        (h) => h.item === ctx.item && h.info.kind === 'person',
        ctx.item,
      );
      if (same) return { info: same.info, how: 'resolved' };
      const inItem = this.mentionsByItem.get(ctx.item);
      const mention = inItem?.[inItem.length - 1];
      if (mention) return { info: mention.info, how: 'resolved' };
      // "Dalgaard also took on the question. “…,” he told analysts.": the person the item names.
      const named = lastWhere(
        history,
        (h) =>
          (h.info.kind === 'person' || h.info.kind === 'name') &&
          namesSurname(ctx.itemText, h.info.speaker),
        ctx.item - 12,
      );
      if (named) return { info: named.info, how: 'resolved' };
      const any = lastWhere(history, (h) => h.info.kind === 'person', ctx.item - 2);
      if (any) return { info: any.info, how: 'resolved' };
      // Nobody has spoken yet: the person a title introduced just before ("Health Minister X").
      const titled = lastWhere(this.mentions, (m) => m.info.role !== null, ctx.item - 2, ctx.item);
      if (titled) return { info: titled.info, how: 'resolved' };
    } else if (p === 'it' || p === 'they') {
      if (ctx.clauseSubject && !/^(?:it|they)$/i.test(ctx.clauseSubject)) {
        const sub = this.resolveRaw(ctx.clauseSubject, ctx);
        if (sub.info.kind !== 'pronoun' && sub.info.kind !== 'person')
          return { info: sub.info, how: 'resolved' };
      }
      const wanted =
        p === 'it' ? ['org', 'country', 'outlet', 'name'] : ['group', 'org', 'country'];
      const same = lastWhere(history, (h) => wanted.includes(h.info.kind), ctx.item);
      if (same) return { info: same.info, how: 'resolved' };
      const any = lastWhere(history, (h) => wanted.includes(h.info.kind), ctx.item - 2);
      if (any) return { info: any.info, how: 'resolved' };
    }
    return { info, how: 'unresolved' };
  }

  private resolveSurname(info: SpeakerInfo, ctx: ResolveContext): Resolution {
    const w = info.speaker;
    if (isAcronym(w)) return { info: { ...info, kind: 'org' }, how: 'explicit' };
    const matches = (s: SpeakerInfo) =>
      s.kind === 'person' && s.speaker.split(/\s+/).includes(w) && s.speaker !== w;
    const h = lastWhere(this.peopleByWord.get(w), (x) => matches(x.info));
    if (h) return { info: h.info, how: 'resolved' };
    const byWord = this.mentionsByWord.get(w);
    // An untitled mention ("Harlan Voss diverted …") lends its name only to its surname.
    const fits = (x: Mention) =>
      matches(x.info) && (x.info.role !== null || x.info.speaker.split(/\s+/).pop() === w);
    const m = lastWhere(byWord, fits, -Infinity, ctx.item) ?? byWord?.slice(0, LOOKBACK).find(fits);
    if (m) return { info: m.info, how: 'resolved' };
    const org = ORG_HEADS.has(w.toLowerCase()) || isAcronym(w);
    return { info: { ...info, kind: org ? 'org' : 'name' }, how: 'explicit' };
  }

  private resolveDescription(
    phrase: string,
    info: SpeakerInfo,
    ctx: ResolveContext,
    want: 'person' | 'org',
  ): Resolution {
    const ws = bare(phrase).toLowerCase().split(/\s+/);
    const head = ws[ws.length - 1];
    const headStem = head.replace(/s$/, '');
    const modifiers = ws
      .slice(0, -1)
      .map((w) => w.replace(/[’']s$/, ''))
      .filter(
        (w) =>
          !/^(?:local|regional|top|senior|former|same|country|country’s|its|his|her|their)$/.test(
            w,
          ),
      );
    const nameFits = (name: string) => {
      const nw = name.toLowerCase().split(/\s+/);
      const last = nw[nw.length - 1].replace(/[’']s$/, '');
      return (
        (last === head || last.replace(/s$/, '') === headStem) &&
        modifiers.every((m) => nw.some((x) => x.startsWith(m)))
      );
    };
    // "the union leader" is the federation's chairman.
    const heads = headStem === 'leader' ? LEADER_TITLES : [headStem];
    const roleFits = (s: SpeakerInfo) => {
      const hay = `${s.role ?? ''}`.toLowerCase();
      return (
        heads.some((h) => hay.includes(h)) &&
        modifiers.every(
          (m) =>
            hay.includes(m) ||
            s.speaker.toLowerCase().includes(m) ||
            (s.affiliation ?? '').toLowerCase().includes(m),
        )
      );
    };
    const history = this.history;
    if (want === 'org') {
      const hit = lastWhere(this.orgsByHead.get(head) ?? this.orgsByHead.get(headStem), (h) =>
        nameFits(h.info.speaker),
      );
      if (hit) return { info: hit.info, how: 'resolved' };
      const org = lastWhere(
        this.namedOrgsByHead.get(head) ?? this.namedOrgsByHead.get(headStem),
        (o) => nameFits(o.name),
        -Infinity,
        ctx.item,
      );
      if (org) return { info: { ...describeSpeaker(org.name), kind: 'org' }, how: 'resolved' };
      // "the company", "the payments company": lower-case modifiers describe, they do not name.
      const named = bare(phrase)
        .split(/\s+/)
        .slice(0, -1)
        .some((w) => /^[A-Z]/.test(w));
      if (GENERIC_ORG_HEADS.has(head) && !named) {
        // … but not a body its name says is of another kind ("the company" is no association).
        const otherKind = (name: string) => {
          const last = headOf(name);
          return last !== head && ORG_HEADS.has(last) && !GENERIC_ORG_HEADS.has(last);
        };
        const fits = (h: { info: SpeakerInfo }) =>
          (h.info.kind === 'org' || h.info.kind === 'name') &&
          !/\b(?:ministry|government|army|military|police|office|department)\b/i.test(
            h.info.speaker,
          ) &&
          !otherKind(h.info.speaker);
        // "the company said" after an environmental group spoke: the body named as a company.
        const company =
          head === 'company'
            ? lastWhere(
                history,
                (h) => fits(h) && COMPANY_SUFFIX.test(h.info.speaker.split(/\s+/).pop() ?? ''),
                ctx.item - 4,
              )
            : null;
        const any = company ?? lastWhere(history, fits, ctx.item - 4);
        if (any) return { info: { ...any.info, kind: 'org' }, how: 'resolved' };
      }
      // "the site said", "the newspaper reported": the outlet the text last named.
      if (OUTLET_DESCRIPTION.test(head)) {
        const outlet = lastWhere(history, (h) => h.info.kind === 'outlet', ctx.item - 4);
        if (outlet) return { info: outlet.info, how: 'resolved' };
      }
      if (/^(?:readout|statement|report)$/.test(head)) {
        const last = history[history.length - 1];
        if (last && last.item >= ctx.item - 4) return { info: last.info, how: 'resolved' };
      }
    } else {
      // "the spokeswoman" seven items on is still the one spokeswoman the text named.
      const hit =
        lastWhere(history, (h) => h.info.kind === 'person' && roleFits(h.info), ctx.item) ??
        lastWhere(history, (h) => h.info.kind === 'person' && roleFits(h.info), ctx.item - 4) ??
        lastWhere(
          history,
          (h) => h.info.kind === 'person' && h.info.role !== null && roleFits(h.info),
        );
      if (hit) return { info: hit.info, how: 'resolved' };
      const mention = lastWhere(this.mentions, (m) => roleFits(m.info), ctx.item - 4, ctx.item);
      if (mention) return { info: mention.info, how: 'resolved' };
    }
    return { info: { ...info, speaker: bare(phrase) }, how: 'unresolved' };
  }

  /** "Ostrel’s provincial governor", "the Jabal regional governor", "the local governor". */
  private resolveRegional(phrase: string, m: RegExpExecArray, ctx: ResolveContext): Resolution {
    const title = m[3].charAt(0).toUpperCase() + m[3].slice(1).toLowerCase();
    let region = m[1] && !countryOf(m[1]) ? m[1] : null;
    // "the governor said" after "The governor of Upper Dasht, Miran Sadok, told …": that person.
    if (!region && !m[2]) {
      const known = this.resolveDescription(phrase, describeSpeaker(phrase), ctx, 'person');
      if (known.how === 'resolved') return known;
    }
    if (!region) {
      const hit =
        /\b([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?\s+(?:Oblast|[Rr]egion|[Pp]rovince|[Gg]overnorate|[Dd]istrict|[Cc]ounty|[Ss]tate|[Pp]arish))\b/u.exec(
          ctx.itemText,
        );
      if (hit) region = hit[1];
    }
    if (!region) {
      const d = describeSpeaker(phrase);
      return { info: { ...d, speaker: bare(phrase) }, how: 'unresolved' };
    }
    return {
      info: {
        speaker: `${title} of ${region}`,
        role: bare(phrase).replace(/^[A-Z][\p{L}’'-]+[’']s\s+/u, ''),
        affiliation: region,
        kind: 'person',
      },
      how: 'explicit',
    };
  }
}

export { OUTLETS };
