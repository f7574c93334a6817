/**
 * Stage 2: an item becomes its sentences, with their offsets in the item. A rule splitter: a
 * sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it) before white space
 * and a capital, a digit or an opening quote — unless the period closes a known abbreviation or an
 * initial ("U.S.", "Gen.", "John F. Kennedy").
 */
export interface Sentence {
  text: string;
  /** Offset of the sentence in its item. */
  start: number;
}

/** Abbreviations after which a period does not end a sentence (lower-cased, without the dot). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'reps',
  'sens',
  'rev',
  'hon',
  'pres',
  'st',
  'ste',
  'mt',
  'ft',
  'jr',
  'sr',
  'no',
  'nos',
  'vol',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'vs',
  'etc',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'dept',
  "gov't",
  'univ',
  'sq',
  'ave',
  'blvd',
  'rd',
  'fig',
  'al',
  'ph',
  'ed',
  'op',
  'cf',
]);

/** Words that, capitalised after "U.S." or a similar dotted acronym, begin a new sentence. */
const SENTENCE_STARTERS = new Set([
  'The',
  'A',
  'An',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'This',
  'That',
  'These',
  'Those',
  'In',
  'On',
  'At',
  'But',
  'And',
  'Meanwhile',
  'Officials',
  'There',
  'His',
  'Her',
  'Their',
  'Its',
  'As',
  'After',
  'While',
  'When',
  'According',
  'However',
  'Separately',
  'Earlier',
  'Later',
  'Some',
]);

const BOUNDARY = /[.!?]+[”"’')\]]*(?=\s+[“"‘'([]?[A-Z0-9\u00c0-\u024f])/g;

function endsWithAbbreviation(text: string, dotIndex: number, nextWord: string): boolean {
  // The word that the period closes.
  let i = dotIndex - 1;
  while (i >= 0 && /[A-Za-z.'’]/.test(text[i])) i--;
  const word = text.slice(i + 1, dotIndex);
  if (!word) return false;
  // Dotted acronyms: U.S., U.K., U.N., D.C.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return !SENTENCE_STARTERS.has(nextWord);
  // Single capital initial: "John F. Kennedy".
  if (/^[A-Z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^.*\./, ''));
}

export function splitSentences(item: string): Sentence[] {
  // A line break inside an item (a list, a dateline) always ends a sentence.
  if (item.includes('\n')) {
    const out: Sentence[] = [];
    let offset = 0;
    for (const line of item.split('\n')) {
      for (const s of splitLine(line)) out.push({ text: s.text, start: s.start + offset });
      offset += line.length + 1;
    }
    return out;
  }
  return splitLine(item);
}

function splitLine(item: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(item); m; m = BOUNDARY.exec(item)) {
    const end = m.index + m[0].length;
    if ((m[0][0] === '.' && m[0].length === 1) || /^\.[”"’')\]]*$/.test(m[0])) {
      const rest = item
        .slice(end)
        .trimStart()
        .replace(/^[“"‘'([]/, '');
      const nextWord = /^[^\s,.;:]+/.exec(rest)?.[0] ?? '';
      if (endsWithAbbreviation(item, m.index, nextWord)) continue;
    }
    pushSentence(sentences, item, start, end);
    start = end;
  }
  pushSentence(sentences, item, start, item.length);
  return sentences;
}

function pushSentence(out: Sentence[], item: string, from: number, to: number): void {
  let s = from;
  // List bullets are not part of the sentence.
  const bullet = /^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+/.exec(item.slice(from, to));
  if (bullet) s += bullet[0].length;
  let e = to;
  while (s < e && /\s/.test(item[s])) s++;
  while (e > s && /\s/.test(item[e - 1])) e--;
  if (e > s) out.push({ text: item.slice(s, e), start: s });
}

/**
 * The sentence with every quotation mark written as “ or ”, offsets unchanged: straight quotes
 * by position, and British single quotes (‘…’) where a ‘ opens and a later ’ closes before a
 * space or punctuation — an apostrophe inside a word ("Sunday’s") is left alone.
 */
export function normalizeQuotes(text: string): string {
  if (!/["‘]/.test(text)) return text;
  const out = text.split('');
  let openDouble = false;
  let openSingle = -1;
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    const prev = k > 0 ? out[k - 1] : ' ';
    const next = k + 1 < out.length ? out[k + 1] : ' ';
    if (c === '"') {
      const opens = !openDouble && /[\s([{—–-]/.test(prev);
      out[k] = opens || (!openDouble && k === 0) ? '“' : '”';
      openDouble = out[k] === '“';
    } else if (c === '“') openDouble = true;
    else if (c === '”') openDouble = false;
    else if (c === '‘' && /[\s([{—–“"-]/.test(prev) && /[\p{L}\p{N}]/u.test(next)) {
      openSingle = k;
    } else if (c === '’' && openSingle >= 0 && /[\s,.;:!?)\]—–”"]/.test(next) && !/\s/.test(prev)) {
      if (!openDouble) {
        out[openSingle] = '“';
        out[k] = '”';
      }
      openSingle = -1;
    }
  }
  return out.join('');
}
