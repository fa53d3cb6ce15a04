import path from 'node:path';
import { appDatabaseUrl, appRolePassword, enableAppRoleLogin, ensureDatabase } from './database';
import { migrate } from './migrate';
import { startEmbeddedPostgres } from './postgres';
import { seedDemo } from './demo/seed';

export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

export interface DatabaseSetupOptions {
  /** Use this database (owner connection string) instead of the embedded one. */
  databaseUrl?: string;
  dataDir: string;
  postgresPort: number;
  databaseName?: string;
  seed: boolean;
  log: (line: string) => void;
}

/** A database ready for the API: started (embedded) or given, migrated, app role enabled, seeded. */
export async function prepareDatabase(options: DatabaseSetupOptions): Promise<PreparedDatabase> {
  let stop: () => Promise<void> = async () => undefined;
  let ownerUrl = options.databaseUrl;
  if (!ownerUrl) {
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(options.dataDir, 'postgres'),
      port: options.postgresPort,
      log: (line) => {
        if (/ERROR|FATAL|PANIC/.test(line)) options.log(`[postgres] ${line}`);
      },
    });
    stop = cluster.stop;
    ownerUrl = cluster.url(options.databaseName ?? 'ccas');
  }
  try {
    await ensureDatabase(ownerUrl);
    const { applied } = await migrate(ownerUrl, options.log);
    if (applied.length === 0) options.log('Database schema is up to date');
    // With APP_DATABASE_URL the app role and its password are managed outside (a DBA, compose).
    if (!process.env.APP_DATABASE_URL) await enableAppRoleLogin(ownerUrl, appRolePassword());
    if (options.seed) await seedDemo(ownerUrl, options.log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ownerUrl, appUrl: appDatabaseUrl(ownerUrl), stop };
}
