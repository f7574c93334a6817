/**
 * Stage 1: a briefing text becomes its items, the paragraphs between blank lines, numbered from 0.
 * Each item is trimmed; line breaks inside a paragraph are kept as they are so that spans stay
 * exact substrings of the item.
 */
export function splitItems(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Things that belong to items (claims), grouped by item index, in their order. */
export function groupByItem<T extends { item: number }>(list: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const x of list) {
    const group = groups.get(x.item);
    if (group) group.push(x);
    else groups.set(x.item, [x]);
  }
  return groups;
}
