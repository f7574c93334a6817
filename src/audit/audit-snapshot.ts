/** A record as the audit trail keeps it: plain JSON, dates as ISO 8601 strings. */
export type AuditSnapshot = object;

/**
 * Freezes a record (an entity row, or one with extras such as a claim's chain) into JSON, so
 * the event keeps what the record was at that moment, whatever happens to the object later.
 */
export function toSnapshot(record: object | null): AuditSnapshot | null {
  return record === null ? null : (JSON.parse(JSON.stringify(record)) as AuditSnapshot);
}
