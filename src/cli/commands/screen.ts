// `lastmile screen`: batch screening of households against the programs, with a progress bar;
// `--resume RUN` continues a run that was interrupted.
import type { Command } from 'commander';
import { prepareDatabase } from '../../app/prepare.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { createPolicyService } from '../../modules/policy/index.ts';
import { createAuditService } from '../../modules/audit/index.ts';
import { runScreening } from '../../modules/policy/screening.ts';
import { PROGRAM_IDS } from '../../modules/policy/policy.schema.ts';
import type { ProgramId } from '../../modules/policy/engine/decision.ts';
import { AppError } from '../../platform/errors.ts';
import { loadConfig } from '../../platform/config.ts';
import { loadKeyRing } from '../../platform/crypto/keys.ts';
import { withDatabase } from './db.ts';
import { progressBar } from '../progress.ts';

export function registerScreen(program: Command): void {
  program.command('screen')
    .description('screen households against the programs and store the results / 批量筛查')
    .option('--program <ids>', `all, or a comma-separated list of ${PROGRAM_IDS.join(', ')}`, 'all')
    .option('--jurisdiction <code>', 'only households under this division code (default: everywhere)', '')
    .option('--date <YYYY-MM-DD>', 'facts and parameters as of this date (default: today)')
    .option('--resume <runId>', 'continue an interrupted run')
    .option('--batch <n>', 'households per committed page', '2000')
    .action(async (opts: { program: string; jurisdiction: string; date?: string; resume?: string; batch: string }) => {
      const programs = opts.program === 'all' ? 'all' : (opts.program.split(',').map((s) => s.trim()) as ProgramId[]);
      if (programs !== 'all') {
        const unknown = programs.filter((p) => !(PROGRAM_IDS as readonly string[]).includes(p));
        if (unknown.length > 0) throw new AppError('validation_failed', `unknown program(s): ${unknown.join(', ')}`, `未知的救助项目：${unknown.join('、')}`);
      }
      if (!/^\d{0,15}$/.test(opts.jurisdiction)) throw new AppError('validation_failed', '--jurisdiction must be a division code', '--jurisdiction 应为区划代码');
      if (opts.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`)))) {
        throw new AppError('validation_failed', '--date must be a date as YYYY-MM-DD', '--date 应为日期，格式 YYYY-MM-DD');
      }
      const batch = Number(opts.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 50_000) throw new AppError('validation_failed', '--batch must be a whole number from 1 to 50000', '--batch 应为 1–50000 的整数');
      if (opts.resume !== undefined && !/^[1-9]\d*$/.test(opts.resume)) throw new AppError('validation_failed', '--resume must be a run id', '--resume 应为筛查批次编号');
      await withDatabase(async (database) => {
        await prepareDatabase(database);
        const policy = createPolicyService({ db: database.db, audit: createAuditService({ db: database.db, keys: loadKeyRing(loadConfig().keys, console).audit }) });
        let bar: ReturnType<typeof progressBar> | null = null;
        const summary = await runScreening(database, await policy.index(), {
          programs,
          jurisdiction: opts.jurisdiction,
          date: opts.date ?? todayLocal(),
          ...(opts.resume ? { resumeRunId: Number(opts.resume) } : {}),
          batchSize: batch,
          startedBy: 'cli',
          onStart: (run) => {
            console.log(`run ${run.id}${run.done > 0 ? ` resumes after ${run.done} households` : ''}`);
            bar = progressBar('screening 筛查', run.total);
          },
          onProgress: (done, _total, eligible) => bar?.update(done, `eligible ${eligible}`),
        });
        (bar as ReturnType<typeof progressBar> | null)?.finish(`eligible ${summary.eligible}`);
        console.log(`run ${summary.runId}: ${summary.households} households, ${summary.evaluations} evaluations, ${summary.eligible} eligible, ${summary.stored} results stored in ${summary.seconds.toFixed(1)} s`);
      });
    });
}
