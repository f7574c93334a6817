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
  claims.forEach((c, k) => {
    if (c.kind !== 'person' || !c.speakerRole || c.speaker !== c.speakerRole) return;
    const description = parseDescription(c.speakerRole);
    if (!description) return;
    const fits = new Map<string, DescribedSpeaker>();
    for (const n of claims.slice(k + 1)) {
      if (!isNamed(n)) continue;
      const known = new Set([
        ...wordsOf(n.speakerRole),
        ...wordsOf(n.speakerAffiliation),
        ...wordsOf(n.speaker),
      ]);
      if (known.has(description.head) && description.modifiers.every((m) => known.has(m)))
        fits.set(n.speaker, n);
    }
    if (fits.size !== 1) return;
    const [person] = fits.values();
    c.speaker = person.speaker;
    c.speakerRole = person.speakerRole;
    c.speakerAffiliation = person.speakerAffiliation;
  });
}
