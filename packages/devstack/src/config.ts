import path from 'node:path';
import { repoRoot } from './paths';

/** Ports and folders of the local stack; every value overridable by the environment (README). */
export interface StackConfig {
  webPort: number;
  apiPort: number;
  idpPort: number;
  /** Port of the embedded PostgreSQL (unused when DATABASE_URL is set). */
  postgresPort: number;
  /** Owner connection string when DATABASE_URL is set; the embedded database otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
}

export function stackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  return {
    webPort: Number(env.WEB_PORT ?? 5173),
    apiPort: Number(env.API_PORT ?? 3000),
    idpPort: Number(env.IDP_PORT ?? 8080),
    postgresPort: Number(env.PG_PORT ?? 54329),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? path.join(repoRoot, '.data'),
  };
}
