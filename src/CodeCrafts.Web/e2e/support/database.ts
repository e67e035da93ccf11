import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * SQL against the stack's own PostgreSQL, for the few journeys that need a history no browser can live through in a
 * test (a learner's last two weeks). The AppHost's local PostgreSQL listens on a socket in its data folder with peer
 * authentication, so psql connects as the `postgres` user (dropping from root, as the AppHost starts the server).
 * Only when this run started the stack (global setup): an outside stack (E2E_WEB_URL) lends no database.
 */
export function sql(statement: string): string {
  const dataDirectory = process.env.E2E_DATA_DIRECTORY;
  if (!dataDirectory) {
    throw new Error('This journey seeds PostgreSQL, so it needs the stack global setup starts (unset E2E_WEB_URL).');
  }
  const postgres = path.join(dataDirectory, 'postgres');
  // postmaster.pid: line 4 is the port, line 5 the socket folder.
  const [, , , port, socketDirectory] = readFileSync(path.join(postgres, 'postmaster.pid'), 'utf8').split('\n');
  const psql = ['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', socketDirectory!, '-p', port!, '-U', 'postgres', '-d', 'codecrafts', '-c', statement];
  const asRoot = process.getuid?.() === 0;
  const [command, ...args] = asRoot ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', ...psql] : psql;
  return execFileSync(command!, args, { encoding: 'utf8', cwd: '/' }).trim();
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
