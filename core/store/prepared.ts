/**
 * Statements of the hot paths (a judge's lookup, a clerk's check, the audit append) that the
 * server parses and plans once per connection: PostgreSQL's extended query protocol with a named
 * prepared statement (PostgreSQL docs, "Message Flow: Extended Query"). Only constant texts are
 * registered, so the statements a connection holds stay few.
 */
const names = new Map<string, string>();

/** Registers `sql` (a constant text) as a prepared statement; returns it unchanged. */
export function prepared(sql: string): string {
  if (!names.has(sql)) names.set(sql, `court_hub_${names.size + 1}`);
  return sql;
}

/** The statement name of a registered text, else undefined (an unnamed statement). */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
