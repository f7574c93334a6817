/**
 * The speaker phrase of an attribution: the noun phrase that ends right before a reporting verb
 * ("Lim Soo-suk, a spokesman for South Korea’s Foreign Ministry, said"), or the subject that opens
 * a clause. Asides, adverbs and times between the two are skipped; an aside that names an outlet
 * ("speaking to Al Jazeera") is kept as a relay.
 */
import type { OutletTest, SpeakerPhrase } from './frame.types.js';
import {
  isCapitalized,
  isHeadWord,
  isPhraseWord,
  PRONOUN_RE,
  tokenize,
  type Token,
} from './phrases.js';
import { isCitedDocument, isOutletPhrase, relayName } from './relays.js';

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

function isTimeToken(core: string): boolean {
  return TIME_WORD.test(core);
}

/** "agency spokeswoman Dr. Anita Serrano": an abbreviated title does not end the phrase. */
const HONORIFIC =
  /^(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sen|Rep|Gov|Adm|Capt|Sgt|Maj|Cmdr|Insp|Supt|St|Rev|Fr|Hon)\.$/;

const RELATIVE_CLAUSE =
  /\s+(?:that|who|which)\s+(?:[a-z]+ed|ran|runs|led|leads|won|made|owns|oversaw|oversees|built|holds|held|sold|took|gave)\b[^,.;“”"]{0,60}?\s*$/;

/**
 * The speaker phrase that ends right before `verbStart`: "the Kremlin spokesman", "Lim Soo-suk,
 * a spokesman for South Korea’s Foreign Ministry", "he".
 */
export function subjectBefore(
  s: string,
  from: number,
  verbStart: number,
  isOutlet: OutletTest = (phrase) => isOutletPhrase(phrase),
): SpeakerPhrase | null {
  // "Residents reached by phone told …": a participial modifier between subject and verb.
  const modifier =
    /\s+(?:reached|contacted|interviewed|surveyed|polled|questioned|speaking|writing|familiar|briefed|close\s+to|involved\s+in|knowledgeable|privy|with\s+(?:direct\s+)?knowledge|(?:hired|commissioned|funded|employed|retained|appointed|contracted|consulted|backed)\s+by)\b[^,.;“”"]{0,50}?\s*$/.exec(
      s.slice(from, verbStart),
    );
  if (modifier && modifier.index > 0) verbStart = from + modifier.index;
  // "employees of the organisation that ran the trial told …": a relative clause on the subject.
  const relative = RELATIVE_CLAUSE.exec(s.slice(from, verbStart));
  if (relative && relative.index > 0) verbStart = from + relative.index;
  // "The police commander for the old town told …": a lower-case phrase after the head.
  const remit = /\s+(?:for|in|at)\s+(?:the\s+)?[a-z][a-z\s-]{1,30}$/.exec(s.slice(from, verbStart));
  if (
    remit &&
    remit.index > 0 &&
    /\b(?!(?:A|An|The)\s)[A-Z][\w’'-]*\s+(?:commander|chief|head|director|spokes\w+|officer|official|minister|governor|mayor)$/.test(
      s.slice(from, from + remit.index),
    )
  )
    verbStart = from + remit.index;
  const tokens = tokenize(s, from, verbStart);
  let i = tokens.length - 1;
  const asideRelays: string[] = [];
  let citedAside: string | null = null;
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
      // "resident Mats Ekholm, 58, said": an age between the name and the verb.
      const age = /^\d{1,3}$/.test(text);
      if ((aside || age) && seg > 0 && tokens[seg - 1].raw.endsWith(',')) {
        const spoke =
          /^(?:speaking|talking|writing)\s+(?:to|with|in|on)\s+(.+?)(?:\s+(?:by|on|from|in|at|after|during)\s+.*)?$/i.exec(
            text,
          );
        if (spoke && isOutlet(spoke[1])) asideRelays.push(relayName(spoke[1]));
        citedAside ??= /^citing\s+(.+)$/i.exec(text)?.[1] ?? null;
        i = seg - 1;
        tokens[i] = { ...tokens[i], raw: tokens[i].raw.replace(/,$/, '') };
        // "Jonas Merrill, 58, who runs the bakery, said": the age before the aside goes too.
        if (/^\d{1,3}$/.test(tokens[i].core) && i > 0 && tokens[i - 1].raw.endsWith(',')) {
          i--;
          tokens[i] = { ...tokens[i], raw: tokens[i].raw.replace(/,$/, '') };
        }
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
  // "Drevna 9 TV, citing a rescue worker at the scene, reported …": the cited source speaks,
  // through the outlet; cited documents do not speak.
  if (phrase && citedAside && isOutlet(phrase.text) && !isCitedDocument(citedAside))
    return { text: citedAside, start: -1, relays: [relayName(phrase.text), ...asideRelays] };
  if (phrase && asideRelays.length) phrase.relays = asideRelays;
  return phrase;
}

const FUNCTION_WORD =
  /^(?:and|or|but|that|which|who|whom|as|while|after|before|when|if|because|since|though|although|where|whether|than|so|then|also|to|with|by|on|said|says|told|is|are|was|were|has|have|had|not|no)$/i;

/** "A White House readout of the call later confirmed …": a document speaks for its issuer. */
function documentSubject(s: string, from: number, verbStart: number): SpeakerPhrase | null {
  const text = s.slice(from, verbStart);
  const m =
    /(?:^|[,;]\s+|^[“"])((?:A|An|The|Its|a|an|the)\s+[^,;]{0,60}?\b(?:readout|statement|report|assessment|survey|study|analysis|review|memo|filing|communiqué|communique|transcript|advisory|bulletin|audit|investigation|tally|count|projection|poll|forecast|model|estimate)s?(?:\s+(?:of|from|on|by|published by|issued by)\s+[^,;]{1,50}?)?(?:\s+(?:published|released|issued|conducted)(?:\s+on)?\s+[\w-]+)?)\s+(?:(?:later|also|earlier|previously|then|has|have|had)\s+)*$/.exec(
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
      !/\.[A-Z]\.$/.test(t.raw) &&
      !HONORIFIC.test(t.raw)
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
  if (a === 0 || i - a > 24) return null;
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
  // "the Product Safety Commission" names a body as much as "Product Safety Commission" does.
  const named = (ws: string[]) => (ws.length > 1 && /^the$/i.test(ws[0]) ? ws.slice(1) : ws);
  // "Friends of the Tarne": small words inside a name, between capitalised ones.
  const looksName = (ws: string[]) =>
    named(ws).length <= 5 &&
    isCapitalized(named(ws)[0] ?? '') &&
    isCapitalized(ws[ws.length - 1] ?? '') &&
    named(ws).every(
      (w) =>
        isCapitalized(w) ||
        /^(?:al|bin|de|van|von|der|la|le|da|di|el|ibn|abu|&|of|the|and|for)$/.test(w),
    );
  const looksRole = (ws: string[]) =>
    /^(?:a|an|the|its|his|her|their|one|another)$/i.test(ws[0]) ||
    /[’']s$/.test(ws[0]) ||
    ws.some((w) => !isCapitalized(w));
  let ok = false;
  // "Hartwell’s, the country’s second-largest grocery chain, said": a name that ends in ’s.
  const last = left[left.length - 1];
  if (looksName(left) && looksRole(right))
    ok = isHeadWord(last) || (left.length === 1 && /^\p{Lu}\p{Ll}+[’']s$/u.test(last));
  else if (looksRole(left) && looksName(right)) {
    // "Henrik Solberg, operations director at the utility, Tarnby Vattenverk, said": the name
    // before a bare title speaks; the name after it is the body's. ("…, its chief medical
    // officer, Dr. Lena Farris, said": a title with a determiner introduces the name after it.)
    const person = /^(?:a|an|the|its|his|her|their|our)$/i.test(left[0])
      ? null
      : appositiveBefore(s, tokens, a - 1);
    if (
      person &&
      !/^(?:In|At|On|From|After|Before|During|Outside|Inside|Near|For|With|By|Since)\s/.test(
        person.text,
      )
    )
      return person;
    ok = isHeadWord(left[left.length - 1]) && isHeadWord(right[right.length - 1]);
  }
  // "Dario Mensk, leader of the Agrarian League, the junior partner in the government, said":
  // the second appositive describes the body; the speaker is the name with the first.
  else if (looksRole(left) && looksRole(right) && !looksName(left)) {
    const inner = appositiveBefore(s, tokens, a - 1);
    if (inner) return inner;
  }
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
