// A campaign's list import as a background job: the upload is checked for its size (the zip's
// entries counted as they inflate) and stored encrypted, the job reads and matches it batch by
// batch with progress, and the caller polls its status. Each batch adds its people in one
// statement and adding is idempotent, so a job cut short (crash, restart) is simply run again.
import { z } from 'zod';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { defineJob, type JobQueue } from '../../platform/jobs/index.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { readStoredBytes, writeStoredBytes } from '../imports/stored-bytes.ts';
import { imports } from '../imports/imports.table.ts';
import { hashOf } from '../imports/imports.service.ts';
import { checkCsvUpload, checkXlsxContainer, type UploadLimits } from '../imports/upload-limits.ts';
import type { ImportFormat } from '../imports/read-rows.ts';
import { importTargets, type ImportInput } from './campaigns.import.ts';
import * as store from './campaigns.store.ts';
import type { CampaignImportJob, ImportReport } from './campaigns.schema.ts';

const KIND = 'campaign_targets';
// A status read leaves the uploaded file where it is (the report, a few thousand rows at most, comes along).
const { content: _content, ...STATUS_COLUMNS } = getTableColumns(imports);
type Row = typeof imports.$inferSelect;
type Params = { campaignId: number; dryRun: boolean };
type Failure = NonNullable<CampaignImportJob['failure']>;

const ActorSchema = z.object({ kind: z.enum(['user', 'token', 'system']), id: z.number().nullable(), name: z.string(), ip: z.string().nullable() });

export function formatOf(fileName: string): ImportFormat {
  const format: ImportFormat | undefined = /\.xlsx$/i.test(fileName) ? 'xlsx' : /\.csv$/i.test(fileName) ? 'csv' : undefined;
  if (!format) throw new AppError('unsupported_media_type', 'Upload an Excel workbook (.xlsx) or a CSV file', '请上传 Excel 工作簿（.xlsx）或 CSV 文件');
  return format;
}

export function createCampaignImports(deps: { db: Db; sensitive: SensitiveFields; audit: AuditService; jobs: JobQueue; limits: UploadLimits; today: () => string }) {
  const { db, sensitive } = deps;
  const update = (id: number, values: Partial<typeof imports.$inferInsert>) => db.update(imports).set({ ...values, updatedAt: new Date() }).where(eq(imports.id, id));

  function present(row: Omit<Row, 'content'>): CampaignImportJob {
    const params = row.params as Params;
    return {
      id: row.id,
      campaignId: params.campaignId,
      fileName: row.fileName,
      dryRun: params.dryRun,
      status: row.status as CampaignImportJob['status'],
      progress: (row.progress as CampaignImportJob['progress']) ?? null,
      report: row.status === 'done' && row.report && row.report.length > 0 ? (JSON.parse(sensitive.openFile(row.report).toString('utf8')) as ImportReport) : null,
      failure: row.error ? (JSON.parse(row.error) as Failure) : null,
      statusUrl: `/api/campaigns/${params.campaignId}/targets/import/${row.id}`,
      createdAt: row.createdAt.toISOString(),
    };
  }

  const job = defineJob({
    name: 'campaigns.import',
    schema: z.object({ importId: z.number().int(), actor: ActorSchema }),
    maxAttempts: 3, // adding is idempotent: a retry finishes what an interrupted run started
    async handler({ importId, actor }) {
      const [row] = await db.select({ fileName: imports.fileName, status: imports.status, params: imports.params, scope: imports.scope }).from(imports).where(eq(imports.id, importId));
      if (!row || row.status !== 'running') return;
      const params = row.params as Params;
      const input: ImportInput = { fileName: row.fileName, content: await sensitive.openFileAsync(await readStoredBytes(db, importId, 'content')), dryRun: params.dryRun };
      try {
        const campaign = await store.findCampaign(db, params.campaignId, row.scope);
        if (!campaign) throw notFound('Campaign', '专项行动');
        let last = 0;
        const onProgress = (done: number) => {
          if (Date.now() - last < 500) return;
          last = Date.now();
          void update(importId, { progress: { done, total: 0 } });
        };
        const report = await importTargets(db, sensitive, campaign, row.scope, input, deps.today(), deps.limits, onProgress);
        await db.transaction(async (tx) => {
          if (!params.dryRun) {
            await deps.audit.record(tx, actor as Actor, {
              action: 'campaign.import',
              entity: 'campaign',
              entityId: campaign.id,
              jurisdictionCode: campaign.jurisdictionCode,
              reason: `${input.fileName}: ${report.total} rows, ${report.added} added, ${report.listed} already listed, ${report.unmatched} unmatched, ${report.duplicate} duplicate`,
            });
          }
          await tx
            .update(imports)
            .set({ status: 'done', report: sensitive.sealFile(Buffer.from(JSON.stringify(report))), counts: { total: report.total, added: report.added, unmatched: report.unmatched }, progress: { done: report.total, total: report.total }, updatedAt: new Date() })
            .where(eq(imports.id, importId));
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // a fault of ours: retried, then left failed by the queue
        const failure: Failure = { error: err.code, message: err.message, messageZh: err.messageZh };
        await update(importId, { status: 'failed', error: JSON.stringify(failure) });
      }
    },
  });

  return {
    job,

    /** Checks the caller may change the campaign and the file's size, stores it, and starts the job. */
    async start(campaign: { id: number }, caller: { scope: string }, input: ImportInput, actor: Actor): Promise<CampaignImportJob> {
      const format = formatOf(input.fileName);
      if (input.content.length === 0) throw new AppError('bad_request', 'The file is empty', '文件是空的');
      if (format === 'xlsx') await checkXlsxContainer(input.content, deps.limits);
      else checkCsvUpload(input.content, deps.limits);
      const [sha256, sealed] = await Promise.all([hashOf(input.content), sensitive.sealFileAsync(input.content)]);
      const row = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(imports)
          .values({
            kind: KIND,
            fileName: input.fileName.slice(0, 200),
            format,
            fileSha256: sha256,
            content: Buffer.alloc(0), // written in pieces below, in this transaction
            status: 'running',
            params: { campaignId: campaign.id, dryRun: input.dryRun } satisfies Params,
            createdBy: actor.name,
            scope: caller.scope,
          })
          .returning(STATUS_COLUMNS);
        await writeStoredBytes(tx, row!.id, 'content', sealed);
        await deps.jobs.enqueue(job, { importId: row!.id, actor }, { tx });
        return row!;
      });
      return present(row);
    },

    async get(caller: { scope: string }, campaignId: number, importId: number): Promise<CampaignImportJob> {
      const [row] = await db
        .select(STATUS_COLUMNS)
        .from(imports)
        .where(and(eq(imports.id, importId), eq(imports.kind, KIND), withinScope(imports.scope, caller.scope), sql`(${imports.params}->>'campaignId')::bigint = ${campaignId}`));
      if (!row) throw notFound('Import', '该导入');
      return present(row);
    },
  };
}
