// Names for the read batches' statements (src/store/postgres/read-batch.ts), which the PostgreSQL
// client (src/store/postgres/open.ts) prepares by name: a module of its own, below both.
/** Leads every batch statement: `statementName` names these, and only these, for preparing. */
export const READ_BATCH_MARK = "/* newsgraph:read-batch */";

/** Most distinct statements this process prepares (on each connection). */
const MAX_PREPARED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

/**
 * The name a batch statement is prepared under, so each connection parses and plans it
 * once instead of at every request (most of its cost otherwise); undefined (unnamed) for
 * other statements. A batch's text depends on the shape of the query only (values are
 * parameters), so the names stay few; past MAX_PREPARED_STATEMENTS new texts run unnamed.
 */
export function statementName(sql: string): string | undefined {
  if (!sql.startsWith(READ_BATCH_MARK)) return undefined;
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) statementNames.set(sql, (name = `newsgraph_read_${statementNames.size}`));
  return name;
}
