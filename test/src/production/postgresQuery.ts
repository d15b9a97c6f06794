import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PostgresServer, postgresBinDir } from './postgresServer';

/**
 * One SQL query to a database of the test's PostgreSQL server with the server's own `psql`,
 * as the backends' user: what the backends really stored, past their HTTP API. The rows, each
 * as its columns' text.
 */
export function queryPostgres(
  postgres: PostgresServer,
  database: string,
  sql: string,
): string[][] {
  const output = execFileSync(
    join(postgresBinDir(), 'psql'),
    [
      '--host',
      postgres.host,
      '--port',
      String(postgres.port),
      '--username',
      postgres.user,
      '--dbname',
      database,
      '--no-psqlrc',
      '--tuples-only',
      '--no-align',
      '--field-separator=\t',
      '--set=ON_ERROR_STOP=1',
      '--command',
      sql,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: postgres.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return output
    .split('\n')
    .filter(line => line !== '')
    .map(line => line.split('\t'));
}
