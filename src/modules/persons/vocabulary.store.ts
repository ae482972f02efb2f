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

/** The active entries of a list with both labels, for forms and filters. */
export async function listVocabulary(db: DbOrTx, kind: VocabularyKind): Promise<{ code: string; labelZh: string; labelEn: string }[]> {
  const rows = await db
    .select({ code: vocabularies.code, labelZh: vocabularies.labelZh, labelEn: vocabularies.labelEn })
    .from(vocabularies)
    .where(and(eq(vocabularies.kind, kind), eq(vocabularies.active, 1)))
    .orderBy(vocabularies.code);
  // A list entry added without an English label shows the Chinese one.
  return rows.map((r) => ({ ...r, labelEn: r.labelEn ?? r.labelZh }));
}
