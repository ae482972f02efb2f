// `npm start` runs this first: builds the web UI when web/dist is missing or older than its
// sources, so a fresh clone needs only `npm install && npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const sources = ['web', 'src/lib', 'src/modules'].map((p) => newestMtime(join(root, p)));
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources);
if (stale) {
  console.log('Building the web UI (first start or changed sources)… 正在构建网页界面…');
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Web UI built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
