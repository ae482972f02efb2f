// `lastmile policy`: check and load the parameter files, and list parameters with their sources.
import type { Command } from 'commander';
import { checkFiles, parametersMarkdown, readParameterFiles } from '../../modules/policy/policy.files.ts';
import { ParameterIndex } from '../../modules/policy/engine/parameters.ts';
import { PARAMETERS, type ParameterKey } from '../../modules/policy/engine/parameters.catalog.ts';
import { formatParameterValue } from '../../modules/policy/engine/decision.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { withDatabase } from './db.ts';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('policy parameters / 政策参数');

  policy.command('check')
    .description('validate policy/parameters/*.yaml, value by value and across parameters / 校验参数文件')
    .action(() => {
      const problems = checkFiles();
      for (const p of problems) console.log(p);
      console.log(problems.length === 0 ? 'parameter files are valid / 参数文件校验通过' : `${problems.length} problem(s)`);
      if (problems.length > 0) process.exitCode = 1;
    });

  policy.command('load')
    .description('load new or changed file values into the database / 将参数文件载入数据库')
    .action(async () => {
      await withDatabase(async (database) => {
        const { parametersLoaded } = await prepareDatabase(database);
        console.log(`${parametersLoaded} new value(s) loaded`);
      });
    });

  policy.command('list')
    .description('parameters in force for a place and date, or every file value (--all) / 列出参数')
    .option('--jurisdiction <code>', 'division code', '')
    .option('--date <YYYY-MM-DD>', 'default: today')
    .option('--all', 'every dated value in the files, as a Markdown table')
    .action(async (opts: { jurisdiction: string; date?: string; all?: boolean }) => {
      const entries = readParameterFiles();
      if (opts.all) {
        process.stdout.write(parametersMarkdown(entries));
        return;
      }
      const date = opts.date ?? todayLocal();
      const set = new ParameterIndex(entries).resolve(opts.jurisdiction, date);
      for (const key of Object.keys(PARAMETERS) as ParameterKey[]) {
        const p = set.provenance[key];
        console.log(`${key.padEnd(36)} ${formatParameterValue(key, set.values[key]).zh.padEnd(20)} ${p ? `${p.jurisdiction || 'national'} ${p.from} [${p.tag}] ${p.source}` : '(not set)'}`);
      }
    });
}
