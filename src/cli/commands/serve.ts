import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { startSystem } from '../../app/runtime.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/demo.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web server, API and job worker / 启动服务')
    .option('-p, --port <port>', 'port (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const started = performance.now();
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      const log = createLogger(config.logLevel);
      const system = await startSystem(config, log);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const where = config.database.kind === 'pglite' ? `PGlite ${config.database.dataDir}` : 'PostgreSQL';
      console.log(`\n  最后一米 lastmile ${system.url}  (${where}, ready in ${seconds}s)`);
      console.log(`  API docs 接口文档: ${system.url}/api/docs`);
      if (system.initialAdminPassword) {
        console.log(`  First administrator 初始管理员: admin / ${system.initialAdminPassword}  (shown once; change it at first login 首次登录须修改)\n`);
      }
      if (system.seeded) {
        console.log(`  Demo data loaded 已载入演示数据: ${system.seeded.jurisdictionsAdded} places, ${system.seeded.usersAdded} users`);
        console.log(`  Demo login 演示账号: ${DEMO_USERS.map((u) => u.username).join(', ')} / ${DEMO_PASSWORD}\n`);
      }

      // Graceful shutdown: drain requests and the running job, close the database; force after a timeout.
      const shutdown = (signal: string) => {
        log.info({ signal }, 'shutting down');
        const force = setTimeout(() => {
          log.error('shutdown timed out; exiting');
          process.exit(1);
        }, config.shutdownTimeoutMs);
        force.unref();
        system.stop().then(
          () => {
            log.info('stopped');
            process.exit(0);
          },
          (err: unknown) => {
            log.error({ err }, 'error while stopping');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
}
