// `lastmile`: the operators' command line, a thin adapter over the same services as the API.
import { Command } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { APP_VERSION } from '../platform/version.ts';
import { registerServe } from './commands/serve.ts';
import { registerDb } from './commands/db.ts';
import { registerSeed } from './commands/seed.ts';
import { registerBackup } from './commands/backup.ts';
import { registerKeys } from './commands/keys.ts';
import { registerAudit } from './commands/audit.ts';
import { registerImport } from './commands/import.ts';
import { registerScreen } from './commands/screen.ts';
import { registerPolicy } from './commands/policy.ts';

const program = new Command()
  .name('lastmile')
  .description('最后一米 · lastmile — grassroots social assistance platform (operators\' CLI)')
  .version(APP_VERSION)
  .showHelpAfterError();

registerServe(program);
registerDb(program);
registerSeed(program);
registerBackup(program);
registerKeys(program);
registerAudit(program);
registerImport(program);
registerScreen(program);
registerPolicy(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(`${err.messageZh}\n${err.message}`);
    process.exit(1);
  }
  console.error(describeFailure(err));
  process.exit(1);
}

/**
 * An unexpected failure, told without the data it was handling: database errors carry the
 * query's parameter values (names, ciphertexts), which must not reach a terminal or a CI log.
 */
function describeFailure(err: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const message = String((e as Error).message ?? e)
      .split('\n')
      .filter((l) => !l.startsWith('params:'))
      .join(' ')
      .slice(0, 500);
    lines.push(`${depth === 0 ? 'lastmile failed' : 'caused by'}: ${(e as Error).name ?? 'Error'}: ${message}`);
  }
  const stack = (err as Error).stack?.split('\n').slice(1, 6).join('\n');
  return `${lines.join('\n')}\n${stack ?? ''}\n出错了，请把以上信息发给维护人员（不含个人数据）。`;
}
