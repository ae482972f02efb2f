// Import jobs behind the API: upload → background validation with progress and a report →
// commit in the background. The uploaded file and its report hold plaintext personal data,
// so both are stored encrypted (SM4/HMAC-SM3), like every other sensitive field.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { and, desc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { defineJob, type JobQueue } from '../../platform/jobs/index.ts';
import { todayLocal } from '../../lib/local-date.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { imports } from './imports.table.ts';
import { readStoredBytes, writeStoredBytes } from './stored-bytes.ts';
import { commitPersons, reportFor, validatePersons } from './person-import.ts';
import type { ImportFormat } from './read-rows.ts';
import type { ImportJob } from './import.schema.ts';
import { DEFAULT_UPLOAD_LIMITS, checkCsvUpload, checkXlsxContainer, type UploadLimits } from './upload-limits.ts';

type Row = typeof imports.$inferSelect;

// An import without its file and report (a 1,000,000-row ledger is ~140 MB sealed: a status poll
// must not read it), with their sizes.
const { content: _content, report: _report, ...SUMMARY_COLUMNS } = getTableColumns(imports);
const SUMMARY = { ...SUMMARY_COLUMNS, contentBytes: sql<number>`octet_length(${imports.content})::int`, hasReport: sql<boolean>`${imports.report} is not null` };
type Summary = Omit<Row, 'content' | 'report'> & { contentBytes: number; hasReport: boolean };

/** SHA-256 of a file, in 1 MB steps with the event loop let in between (a 75 MB file is ~0.3 s of hashing). */
export async function hashOf(data: Buffer): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < data.length; at += 1 << 20) {
    hash.update(data.subarray(at, at + (1 << 20)));
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

function present(row: Summary | Row): ImportJob {
  return {
    id: row.id,
    kind: 'persons',
    fileName: row.fileName,
    status: row.status as ImportJob['status'],
    progress: (row.progress as ImportJob['progress']) ?? null,
    counts: (row.counts as ImportJob['counts']) ?? null,
    committed: (row.committed as ImportJob['committed']) ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;

const PURGED = () => new AppError('conflict', 'The uploaded file was deleted at the end of its keeping period; upload it again', '上传的文件已按保存期限删除，请重新上传');

export function createImportsService(deps: { db: Db; sensitive: SensitiveFields; audit: AuditService; jobs: JobQueue; fileDays?: number; limits?: UploadLimits; now?: () => Date }) {
  const { db, sensitive } = deps;
  const limits = deps.limits ?? DEFAULT_UPLOAD_LIMITS;
  // On a worker thread beyond 1 MB: sealing a 75 MB ledger takes the cipher seconds.
  const seal = sensitive.sealFileAsync;
  const open = sensitive.openFileAsync;
  const update = (id: number, values: Partial<typeof imports.$inferInsert>) => db.update(imports).set({ ...values, updatedAt: new Date() }).where(eq(imports.id, id));
  // The row without its file; the file is read in pieces (readStoredBytes) and opened off-thread.
  const load = async (id: number) => {
    const [row] = await db.select(SUMMARY).from(imports).where(eq(imports.id, id));
    if (!row) throw new Error(`import ${id} is gone`);
    return row;
  };
  const contentOf = async (id: number) => open(await readStoredBytes(db, id, 'content'));
  const ctxOf = (row: Summary) => ({ db, sensitive, scope: row.scope, today: todayLocal(), limits });
  const progress = (id: number) => {
    let last = 0;
    return (done: number, total: number) => {
      if (Date.now() - last < 500 && done < total) return;
      last = Date.now();
      void update(id, { progress: { done, total } });
    };
  };

  const validateJob = defineJob({
    name: 'imports.validate',
    schema: z.object({ importId: z.number().int() }),
    maxAttempts: 2,
    async handler({ importId }) {
      const row = await load(importId);
      const content = await contentOf(importId);
      try {
        const v = await validatePersons(ctxOf(row), content, row.format as ImportFormat, progress(importId));
        const report = await reportFor(content, row.format as ImportFormat, v, limits);
        const sealedReport = await seal(report);
        await db.transaction(async (tx) => {
          await writeStoredBytes(tx, importId, 'report', sealedReport);
          await tx.update(imports).set({ status: 'validated', counts: v.counts, progress: { done: v.totalRows, total: v.totalRows }, updatedAt: new Date() }).where(eq(imports.id, importId));
        });
      } catch (err) {
        // Shown to the user and stored: a database error's own message would carry the rows' values,
        // and a program's own message ("Cannot read properties of undefined") tells the user nothing.
        const message = err instanceof AppError ? `${err.messageZh} / ${err.message}` : '校验因内部错误中断，请联系管理员 / The validation stopped on an internal error; contact the administrator';
        await update(importId, { status: 'failed', error: message });
      }
    },
  });

  const commitJob = defineJob({
    name: 'imports.commit',
    schema: z.object({ importId: z.number().int(), actor: z.object({ kind: z.enum(['user', 'token', 'system']), id: z.number().nullable(), name: z.string(), ip: z.string().nullable() }) }),
    maxAttempts: 3, // resumable: a retry finishes what an interrupted run started
    async handler({ importId, actor }) {
      const row = await load(importId);
      const result = await commitPersons(ctxOf(row), await contentOf(importId), row.format as ImportFormat, row.fileSha256.slice(0, 16), {
        onProgress: progress(importId),
        afterBatch: async (tx, note, written) => {
          await deps.audit.record(tx, actor as Actor, { action: 'import', entity: 'person', jurisdictionCode: row.scope || null, reason: `import #${importId} ${row.fileName}: ${note}` });
          // What this import has written, over every run: counted in the batch's own transaction,
          // so a run cut short by a crash is counted exactly as far as it got.
          await tx
            .update(imports)
            .set({
              committed: sql`jsonb_build_object('households', coalesce((${imports.committed}->>'households')::int, 0) + ${written.households}::int, 'persons', coalesce((${imports.committed}->>'persons')::int, 0) + ${written.persons}::int)`,
            })
            .where(eq(imports.id, importId));
        },
      });
      await db.update(imports).set({ status: 'done', committed: sql`coalesce(${imports.committed}, '{"households":0,"persons":0}'::jsonb)`, updatedAt: new Date() }).where(eq(imports.id, importId));
      return result;
    },
  });

  // Uploaded ledgers hold people's data: once an import has ended, the file and its report are
  // kept only for `fileDays` (the counts and outcome stay).
  const purgeFilesJob = defineJob({
    name: 'imports.purge-files',
    schema: z.object({}),
    maxAttempts: 3,
    async handler() {
      const cutoff = new Date((deps.now?.() ?? new Date()).getTime() - (deps.fileDays ?? 30) * 86_400_000);
      const purged = await db.update(imports)
        .set({ content: Buffer.alloc(0), report: null })
        .where(and(inArray(imports.status, ['done', 'failed', 'validated']), lt(imports.updatedAt, cutoff), sql`octet_length(${imports.content}) > 0`))
        .returning({ id: imports.id });
      return { purged: purged.length };
    },
  });

  return {
    jobs: [validateJob, commitJob, purgeFilesJob],
    purgeFilesJob,

    async upload(caller: { scope: string }, file: { fileName: string; content: Buffer }, actor: Actor): Promise<ImportJob> {
      const format: ImportFormat = /\.csv$/i.test(file.fileName) ? 'csv' : 'xlsx';
      if (file.content.length === 0) throw new AppError('validation_failed', 'The file is empty', '文件为空', [{ field: 'file', message: 'empty', messageZh: '文件为空' }]);
      // Sizes first, before anything is stored: a refused file leaves no import behind.
      if (format === 'xlsx') await checkXlsxContainer(file.content, limits);
      else checkCsvUpload(file.content, limits);
      const [sha256, sealed] = await Promise.all([hashOf(file.content), seal(file.content)]);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(imports)
          .values({
            kind: 'persons',
            fileName: file.fileName.slice(0, 200),
            format,
            fileSha256: sha256,
            content: Buffer.alloc(0), // written in pieces below, in this transaction
            status: 'validating',
            createdBy: actor.name,
            scope: caller.scope,
          })
          .returning({ id: imports.id });
        await writeStoredBytes(tx, row!.id, 'content', sealed);
        await deps.jobs.enqueue(validateJob, { importId: row!.id }, { tx });
        await deps.audit.record(tx, actor, { action: 'upload', entity: 'import', entityId: row!.id, jurisdictionCode: caller.scope || null, reason: file.fileName.slice(0, 200) });
        return row!.id;
      });
      return present(await this.row({ scope: '' }, id));
    },

    async get(caller: { scope: string }, id: number): Promise<ImportJob> {
      return present(await this.row(caller, id));
    },

    async row(caller: { scope: string }, id: number): Promise<Summary> {
      const [row] = await db.select(SUMMARY).from(imports).where(and(eq(imports.id, id), eq(imports.kind, 'persons'), withinScope(imports.scope, caller.scope)));
      if (!row) throw notFound('Import', '该导入');
      return row;
    },

    async list(caller: { scope: string }): Promise<ImportJob[]> {
      const rows = await db.select(SUMMARY).from(imports).where(and(eq(imports.kind, 'persons'), withinScope(imports.scope, caller.scope))).orderBy(desc(imports.id)).limit(50);
      return rows.map(present);
    },

    async report(caller: { scope: string }, id: number): Promise<Buffer> {
      const row = await this.row(caller, id);
      if (row.contentBytes === 0) throw PURGED();
      if (!row.hasReport) throw new AppError('conflict', 'The report is not ready yet', '校验报告尚未生成');
      return await open(await readStoredBytes(db, id, 'report'));
    },

    async commit(caller: { scope: string }, id: number, actor: Actor): Promise<ImportJob> {
      const row = await this.row(caller, id);
      if (row.status !== 'validated' && row.status !== 'failed') throw new AppError('conflict', `The import is ${row.status}`, `当前状态（${row.status}）不能提交`);
      if (row.contentBytes === 0) throw PURGED();
      if (!row.counts || (row.counts as { ok: number }).ok === 0) throw new AppError('conflict', 'No row passed validation', '没有通过校验的行');
      await db.transaction(async (tx) => {
        await tx.update(imports).set({ status: 'committing', error: null, progress: null, updatedAt: new Date() }).where(eq(imports.id, id));
        await deps.jobs.enqueue(commitJob, { importId: id, actor }, { tx });
      });
      return present(await this.row(caller, id));
    },
  };
}
