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
  throw err;
}
