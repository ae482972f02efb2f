// `lastmile import template persons [file]` and `lastmile import persons <file> [--commit]`:
// validate a ledger with a report, then commit it (resumable: run the same command again).
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { loadConfig } from '../../platform/config.ts';
import { loadKeyRing } from '../../platform/crypto/keys.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { createAuditService } from '../../modules/audit/index.ts';
import { commitPersons, reportFor, validatePersons } from '../../modules/imports/person-import.ts';
import { writeTemplate } from '../../modules/imports/template.ts';
import { withDatabase } from './db.ts';
import { progressBar } from '../progress.ts';

export function registerImport(program: Command): void {
  const imp = program.command('import').description('import ledgers (台账) from Excel/CSV / 导入台账');
  imp
    .command('template')
    .argument('<kind>', 'persons')
    .argument('[file]', 'output .xlsx', 'lastmile-persons-template.xlsx')
    .description('write the import template with notes / 生成导入模板')
    .action(async (kind: string, file: string) => {
      if (kind !== 'persons') throw new Error('only `persons` has a template for now / 目前只有 persons 模板');
      await writeTemplate(resolve(file));
      console.log(`template written: ${resolve(file)}`);
    });

  imp
    .command('persons')
    .argument('<file>', '.xlsx or .csv')
    .option('--commit', 'load the rows that pass (otherwise: dry run with a report only)')
    .option('--report <file>', 'where to write the annotated validation report (.xlsx)')
    .option('--scope <code>', 'only accept rows inside this jurisdiction (default: all)', '')
    .description('validate (and with --commit, load) a persons ledger; run again to resume / 导入人员台账')
    .action(async (file: string, opts: { commit?: boolean; report?: string; scope: string }) => {
      const path = resolve(file);
      const content = await readFile(path);
      const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
      const config = loadConfig();
      const fileKey = createHash('sha256').update(content).digest('hex').slice(0, 16);
      await withDatabase(async (database) => {
        await prepareDatabase(database);
        const ring = loadKeyRing(config.keys, console);
        const ctx = { db: database.db, sensitive: createSensitiveFields(ring), scope: opts.scope, today: todayLocal(), limits: config.uploads };
        const checking = progressBar('checking 校验', 0);
        const validation = await validatePersons(ctx, content, format, (n) => checking.update(n));
        checking.finish();
        const c = validation.counts;
        console.log(`rows ${c.total}: ok 通过 ${c.ok}, errors 错误 ${c.error}, duplicates 重复 ${c.duplicate}, skipped 跳过 ${c.skipped}`);
        const reportPath = resolve(opts.report ?? path.replace(/\.(xlsx|csv)$/i, '') + '.report.xlsx');
        await writeFile(reportPath, await reportFor(content, format, validation));
        console.log(`report 校验报告: ${reportPath}`);
        if (!opts.commit) return;
        const audit = createAuditService({ db: database.db, keys: ring.audit });
        const actor = { kind: 'system' as const, id: null, name: 'cli-import', ip: null };
        const loading = progressBar('importing 导入', c.ok);
        const result = await commitPersons(ctx, content, format, fileKey, {
          onProgress: (n) => loading.update(n),
          afterBatch: (tx, note) => audit.record(tx, actor, { action: 'import', entity: 'person', reason: `${path.split('/').pop()} (${fileKey}): ${note}` }),
        });
        loading.finish();
        console.log(
          `imported: ${result.households} households, ${result.persons} new persons (${result.reusedPersons} already registered, ${result.skippedHouseholds} households already imported)`,
        );
      });
    });
}
