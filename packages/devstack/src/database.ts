import pg from 'pg';

/** The role the API connects as: owns nothing, cannot bypass row-level security. */
export const APP_ROLE = 'ccas_app';

/** The API's connection string: APP_DATABASE_URL, or the owner's with the app role's credentials. */
export function appDatabaseUrl(ownerUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_DATABASE_URL) return env.APP_DATABASE_URL;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(env);
  return url.toString();
}

export function appRolePassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.APP_DB_PASSWORD ?? 'ccas_app';
}

/** Creates the database of `url` if it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  await withClusterClient(url, async (client, database) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withClusterClient(url, (client, database) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

/** Lets the app role log in with its password (roles are cluster-wide; the password is configuration). */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/** Runs `work` on the cluster's `postgres` database, with the name of the database in `url`. */
async function withClusterClient(url: string, work: (client: pg.Client, database: string) => Promise<unknown>): Promise<void> {
  const admin = new URL(url);
  const database = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await work(client, database);
  } finally {
    await client.end();
  }
}
