/** Offsets and edges in a sentence: a claim span's trimming and the quote and word counts around it. */

const SPAN_EDGE_LEFT = /^[\s,;:.“”"‘’'([—–-]+/;
/** A live blog's time stamp ("1:20 p.m. — ") or a wire dateline ("RENHOLM, Kalvia (Wire) — "). */
const ITEM_LEAD =
  /^(?:(?:UPDATE|Update|Updated)\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|[A-Z][A-Z .'-]+(?:,\s+[\p{L} .'-]+)?(?:\s+\([^)]{1,40}\))?)\s+[—–-]\s+/u;
const SPAN_EDGE_RIGHT = /[\s,;:.“”"‘’')\]—–-]+$/;

/** The length of a time stamp or dateline that opens a text (0 when there is none). */
export function itemLeadLength(text: string): number {
  return ITEM_LEAD.exec(text)?.[0].length ?? 0;
}

/** Trims a content range to the span rules: no punctuation or quotes at either edge, no "that". */
export function trimRange(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  for (let guard = 0; guard < 4; guard++) {
    const before = [a, b];
    const left = SPAN_EDGE_LEFT.exec(s.slice(a, b));
    if (left) a += left[0].length;
    const stamp = ITEM_LEAD.exec(s.slice(a, b));
    if (stamp) a += stamp[0].length;
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

/** Words in a range, roughly. */
export function wordCount(text: string): number {
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
export function insideQuote(s: string, from: number, at: number): boolean {
  let open = false;
  for (let k = from; k < at; k++) {
    const c = s[k];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

export function closingQuoteAfter(s: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (s[k] === '”' || s[k] === '"') return k;
  return -1;
}
