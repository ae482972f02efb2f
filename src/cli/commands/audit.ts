import type { Command } from 'commander';
import { createAuditService } from '../../modules/audit/index.ts';
import { withDatabase } from './db.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log / 审计日志');
  audit
    .command('verify')
    .description('recompute the SM3 hash chain and report the first broken entry / 校验审计日志哈希链')
    .action(async () => {
      const result = await withDatabase((database) =>
        createAuditService({ db: database.db }).verify((n) => process.stdout.write(`\r  checked ${n}`)),
      );
      process.stdout.write('\n');
      if (result.ok) {
        console.log(`audit chain intact: ${result.checked} entries / 审计链完整：${result.checked} 条`);
        return;
      }
      const b = result.broken!;
      console.log(`audit chain BROKEN at entry ${b.id} (${b.problem}); ${result.checked} entries before it verified / 审计链在第 ${b.id} 条处断裂`);
      process.exitCode = 4;
    });
}
