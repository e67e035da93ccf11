import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot, waitUntil } from './stack.ts';

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on: taken from the OS, then let go. */
export async function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The same web app served by a second Vite dev server whose Api address points at a closed loopback port: what a
 * learner meets while the Api is stopped, without stopping the Api the other journeys share.
 */
export async function startWebWithApiStopped(): Promise<WebServer> {
  const webDirectory = path.join(repoRoot, 'src/CodeCrafts.Web');
  const [apiPort, webPort] = [await unusedPort(), await unusedPort()];
  const stoppedApi = `http://127.0.0.1:${apiPort}`;
  const vite = spawn(
    'node',
    ['node_modules/vite/bin/vite.js', '--config', 'e2e/support/vite.api-down.config.mjs', '--port', String(webPort), '--strictPort'],
    { cwd: webDirectory, stdio: 'ignore', env: { ...process.env, services__api__http__0: stoppedApi, API_HTTP: stoppedApi } },
  );
  let exited = false;
  vite.once('exit', () => (exited = true));
  const url = `http://localhost:${webPort}`;
  await waitUntil(
    async () => {
      if (exited) throw new Error('The second Vite dev server exited');
      return (await fetch(url).then((r) => r.ok).catch(() => false)) || undefined;
    },
    60_000,
    `a second dev server at ${url}`,
  );
  return {
    url,
    stop: async () => {
      vite.kill('SIGTERM');
      await waitUntil(async () => exited || undefined, 15_000, 'the second Vite dev server to stop');
    },
  };
}
