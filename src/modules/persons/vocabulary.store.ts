import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { vocabularies } from './persons.table.ts';

export type VocabularyKind = 'tag' | 'illness';

export async function activeCodes(db: DbOrTx, kind: VocabularyKind): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: vocabularies.code, labelZh: vocabularies.labelZh })
    .from(vocabularies)
    .where(and(eq(vocabularies.kind, kind), eq(vocabularies.active, 1)));
  return new Map(rows.map((r) => [r.code, r.labelZh]));
}
