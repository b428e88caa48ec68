import type { EntityManager } from '@mikro-orm/postgresql';

/** A table's columns and their PostgreSQL types, in the order the rows name them. */
export type Columns = [name: string, type: string][];

/**
 * One INSERT … SELECT FROM json_to_recordset per table: 10,000 rows travel as one JSON parameter
 * instead of tens of thousands of bound values. Runs inside the caller's transaction. For
 * enrollment's own tables only; the outbox belongs to the platform (`recordEvents`).
 */
export async function bulkInsert(em: EntityManager, table: string, columns: Columns, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const schema = em.config.get('schema');
  const target = schema ? `"${schema}"."${table}"` : `"${table}"`;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await em.execute(`insert into ${target} (${names}) select ${names} from json_to_recordset(?::json) as x(${types})`, [
    JSON.stringify(rows),
  ]);
}
