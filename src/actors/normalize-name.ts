/**
 * The key under which speakers and outlets are unique: "The  Washington Post", "washington post"
 * and "Washington Post" are one outlet. Case, spacing, typographic quotes and a leading "the" do
 * not count.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}
