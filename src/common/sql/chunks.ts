/**
 * Splits rows for multi-row INSERTs: SQLite rejects very large statements ("Expression tree is
 * too large"), and smaller batches keep PostgreSQL's parameter count in bounds.
 */
export function chunks<T>(rows: readonly T[], size = 100): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    result.push(rows.slice(start, start + size));
  return result;
}
