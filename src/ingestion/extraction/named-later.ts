/**
 * A speaker named later in the text is used for an earlier anonymous mention of the same person
 * (the annotation rules): "A company spokeswoman said …" in the morning is Mirela Dask, "the
 * Halvik spokeswoman", once the text names her. Runs after speakers are resolved, on the claims
 * whose speaker stayed a bare description.
 */

export interface DescribedSpeaker {
  speaker: string;
  speakerRole: string | null;
  speakerAffiliation: string | null;
  kind: string;
}

/** Modifiers that do not tell one holder of a title from another. */
const GENERIC =
  /^(?:the|a|an|its|his|her|their|same|company|company’s|company's|senior|top|local|former|another|one)$/i;

/** Titles that name one job: "a Civic Union spokesperson" is "the Civic Union spokesman". */
const SAME_TITLE: Record<string, string> = {
  spokesperson: 'spokes',
  spokesman: 'spokes',
  spokeswoman: 'spokes',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  chair: 'chair',
};
const title = (w: string) => SAME_TITLE[w] ?? w;

const wordsOf = (s: string | null) => (s ?? '').toLowerCase().match(/[\p{L}\d-]+/gu) ?? [];

/** "bank’s chief economist" → head "economist", modifiers ["chief"] (an owner is no modifier). */
function parseDescription(description: string): { head: string; modifiers: string[] } | null {
  const ws = description.split(/\s+/).filter((w) => !/[’']s$/.test(w) && !GENERIC.test(w));
  const head = ws.pop()?.toLowerCase();
  if (!head) return null;
  return { head, modifiers: ws.map((w) => w.toLowerCase()) };
}

const isNamed = (c: DescribedSpeaker) =>
  c.kind === 'person' && !!c.speakerRole && c.speaker !== c.speakerRole;

/**
 * Names each claim whose speaker is only a title ("company spokeswoman") after the one person a
 * later claim names with that title (claims in text order); when two named people fit, it stays.
 */
export function nameDescribedSpeakers(claims: DescribedSpeaker[]): void {
  // Each named claim's title words, and where each word occurs, in text order.
  const known = new Map<number, Set<string>>();
  const byWord = new Map<string, number[]>();
  claims.forEach((n, k) => {
    if (!isNamed(n)) return;
    const ws = new Set(
      [...wordsOf(n.speakerRole), ...wordsOf(n.speakerAffiliation), ...wordsOf(n.speaker)].map(
        title,
      ),
    );
    known.set(k, ws);
    for (const w of ws) {
      const at = byWord.get(w);
      if (at) at.push(k);
      else byWord.set(w, [k]);
    }
  });
  claims.forEach((c, k) => {
    if (c.kind !== 'person' || !c.speakerRole || c.speaker !== c.speakerRole) return;
    const description = parseDescription(c.speakerRole);
    if (!description) return;
    const fits = new Map<string, DescribedSpeaker>();
    const at = byWord.get(title(description.head)) ?? [];
    for (let x = firstAfter(at, k); x < at.length; x++) {
      const j = at[x];
      if (!description.modifiers.every((m) => known.get(j)!.has(m))) continue;
      fits.set(claims[j].speaker, claims[j]);
      if (fits.size > 1) return;
    }
    if (fits.size !== 1) return;
    const [person] = fits.values();
    c.speaker = person.speaker;
    c.speakerRole = person.speakerRole;
    c.speakerAffiliation = person.speakerAffiliation;
  });
}

/** The first position in an ascending list whose value is above `k`. */
function firstAfter(sorted: readonly number[], k: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
