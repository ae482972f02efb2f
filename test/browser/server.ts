// Starts `lastmile serve` as a real child process on a free port with its own data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

export type ServerProcess = { url: string; child: ChildProcess; output(): string; stop(): Promise<number | null> };

// LASTMILE_SERVER_NODE_ARGS: extra flags for the server's node (benches: `--cpu-prof --cpu-prof-dir=/tmp/p`).
export function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const nodeArgs = (process.env.LASTMILE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve'], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/lastmile (http:\/\/\S+)/);
      if (m)
        resolve({
          url: m[1]!,
          child,
          output: () => out,
          async stop() {
            if (child.exitCode !== null) return child.exitCode;
            child.kill('SIGTERM');
            const [code] = await once(child, 'exit');
            return code as number | null;
          },
        });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited early (${code}):\n${out}`)));
  });
}
