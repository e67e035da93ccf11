import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, four folders above this file (src/CodeCrafts.Web/e2e/support). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const resultsDir = path.resolve(repoRoot, 'src/CodeCrafts.Web/e2e/results');

export interface RunningStack {
  webUrl: string;
  dashboardUrl: string;
  logFile: string;
  /** The AppHost's data folder: PostgreSQL's data (and its socket) are in its `postgres` folder. */
  dataDirectory: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  webPort: number;
  /** Environment for the AppHost; the processes it starts inherit it. */
  environment: Record<string, string>;
}

/**
 * Starts the real AppHost (PostgreSQL and Redis on loopback, migrations, Api, web) on a fresh data folder, as a
 * learner's machine would run it, and resolves when the web app answers and reaches the Api through its proxy.
 * The AppHost's own ports are randomised so that a developer's running AppHost does not collide with the tests;
 * the web port is the one fixed address, and must be free.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const webUrl = `http://localhost:${options.webPort}`;
  if (await isListening(options.webPort)) {
    throw new Error(`Port ${options.webPort} is taken (another Vite?). Stop it or set E2E_WEB_PORT.`);
  }
  const configuration = process.env.CONFIGURATION ?? 'Debug';
  const appHostDll = path.join(repoRoot, `src/CodeCrafts.AppHost/bin/${configuration}/net10.0/CodeCrafts.AppHost.dll`);
  if (!existsSync(appHostDll)) {
    throw new Error(`The AppHost is not built (${appHostDll}); run: dotnet build CodeCrafts.sln`);
  }

  // PostgreSQL runs as the postgres user, which must be able to enter the data folder.
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'codecrafts-e2e-'));
  chmodSync(dataDirectory, 0o755);
  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, 'apphost.log');
  const log = openSync(logFile, 'w');
  const appHost = spawn(
    'dotnet',
    [
      'run', '--project', 'src/CodeCrafts.AppHost', '-c', configuration, '--no-build', '--',
      'CodeCrafts:Infrastructure=local',
      `CodeCrafts:DataDirectory=${dataDirectory}`,
      `CodeCrafts:WebPort=${options.webPort}`,
      'DcpPublisher:RandomizePorts=true',
    ],
    {
      cwd: repoRoot,
      // Its own process group, so that stopping reaches dotnet run, the AppHost and the orchestrator together.
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS: 'true', ...options.environment },
    },
  );
  closeSync(log);
  let exited: number | null = null;
  appHost.on('exit', (code) => (exited = code ?? -1));

  const stop = async () => {
    await stopProcessGroup(appHost.pid!, () => exited !== null);
    await waitUntil(async () => !(await isListening(options.webPort)), 30_000, 'the web port to close');
    await waitUntil(async () => !existsSync(path.join(dataDirectory, 'postgres', 'postmaster.pid')), 30_000, 'PostgreSQL to stop');
    rmSync(dataDirectory, { recursive: true, force: true });
  };

  try {
    const dashboardUrl = await waitUntil(
      async () => {
        if (exited !== null) throw new Error(`The AppHost exited with ${exited}; see ${logFile}`);
        return /Now listening on: (http:\/\/localhost:\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
      },
      120_000,
      'the dashboard URL in the AppHost log',
    );
    await waitUntil(
      async () => {
        if (exited !== null) throw new Error(`The AppHost exited with ${exited}; see ${logFile}`);
        const page = await fetchStatus(webUrl);
        // Unauthenticated but answered by the Api: the proxy reaches it (the web resource waited for its health).
        const api = await fetchStatus(`${webUrl}/api/users/me`);
        return page === 200 && api === 401 ? true : undefined;
      },
      // A first run also installs the web app's packages.
      360_000,
      `the web app at ${webUrl} and the Api behind its proxy (log: ${logFile})`,
    );
    return { webUrl, dashboardUrl, logFile, dataDirectory, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcessGroup(pid: number, hasExited: () => boolean): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 60_000;
  while (!hasExited() && Date.now() < deadline) await sleep(250);
  if (!hasExited()) signal('SIGKILL');
}

export async function isListening(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.setTimeout(1000);
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
  }
  return false;
}

async function fetchStatus(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

export async function waitUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
