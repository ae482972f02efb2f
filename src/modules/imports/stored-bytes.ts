// An import's stored file or report read from the database in pieces: a 1,000,000-row ledger is
// ~75 MB sealed, which PostgreSQL sends as ~150 MB of hex text that the driver decodes in one go
// on the server's thread (over a second with nothing else answered). In 4 MB pieces each step
// is short and other requests run in between.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/client.ts';
import { allocShared } from '../../platform/shared-bytes.ts';
import { imports } from './imports.table.ts';

const PIECE = 4 << 20;

export async function readStoredBytes(db: Db, id: number, which: 'content' | 'report', piece = PIECE): Promise<Buffer> {
  const column = which === 'content' ? imports.content : imports.report;
  const [row] = await db.select({ size: sql<number | null>`octet_length(${column})::int` }).from(imports).where(eq(imports.id, id));
  if (!row) throw new Error(`import ${id} is gone`);
  const size = row.size ?? 0;
  const out = allocShared(size); // shared: the file goes on to worker threads (opening, reading)
  for (let at = 0; at < size; at += piece) {
    const [row] = await queryRows<{ piece: Uint8Array }>(db, sql`select substring(${column} from ${at + 1}::int for ${piece}::int) as piece from ${imports} where ${imports.id} = ${id}`);
    out.set(row!.piece, at);
  }
  return out;
}

/**
 * Pieces written at a time. The whole file as one parameter was a long copy on the server's
 * thread; but each appended piece makes PostgreSQL rewrite the value so far, so pieces are
 * large (133 MB on PostgreSQL, measured under load: 8 MB pieces 40.5 s, 32 MB 15.3 s, whole 10.2 s).
 */
const WRITE_PIECE = 32 << 20;

/**
 * Store `bytes` as the import's file or report, in pieces appended one statement at a time. Run it
 * inside the transaction that makes the row visible (the upload) or that marks it done, so a
 * crash leaves the column as before or as after.
 */
export async function writeStoredBytes(tx: DbOrTx, id: number, which: 'content' | 'report', bytes: Buffer, piece = WRITE_PIECE): Promise<void> {
  const column = which === 'content' ? imports.content : imports.report;
  const name = sql.identifier(which);
  await tx.execute(sql`update ${imports} set ${name} = ${bytes.subarray(0, piece)}::bytea where ${imports.id} = ${id}`);
  for (let at = piece; at < bytes.length; at += piece) {
    await tx.execute(sql`update ${imports} set ${name} = ${column} || ${bytes.subarray(at, at + piece)}::bytea where ${imports.id} = ${id}`);
  }
}
