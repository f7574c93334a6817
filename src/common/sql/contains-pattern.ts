/**
 * A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped; use it as
 * `LOWER(column) LIKE :pattern ESCAPE '\'`, which reads the same on SQLite and PostgreSQL.
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export const LIKE_ESCAPE = `ESCAPE '\\'`;
