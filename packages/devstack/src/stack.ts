import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type DevIdp, startDevIdp } from '@ccas/dev-idp';
import type { StackConfig } from './config';
import { prepareDatabase, type PreparedDatabase } from './database-setup';
import { devIdentityStore } from './invited-identities';
import { terminate, waitForHttp } from './processes';
import { repoRoot } from './paths';

export interface Stack {
  webUrl: string;
  apiUrl: string;
  issuer: string;
  ownerDatabaseUrl: string;
  stop(): Promise<void>;
}

export interface StackOptions extends StackConfig {
  /** `dev`: Vite dev server with hot reload; `preview`: the production build (tests). */
  webMode: 'dev' | 'preview';
  log: (line: string) => void;
  /** Output of the API and web processes (default: `log`). */
  childLog?: (line: string) => void;
}

// Resolved from this package's folder (the module may run under Jest's CommonJS transform).
const require = createRequire(path.join(repoRoot, 'packages/devstack/package.json'));

/**
 * Starts the whole product on one machine: database, identity provider, API and web, in that
 * order, each waited for. Used by `npm start` and by the browser tests, so both run the same stack.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    stoppers.length = 0;
  };
  const childLog = options.childLog ?? options.log;
  const webUrl = `http://localhost:${options.webPort}`;
  const apiUrl = `http://localhost:${options.apiPort}`;
  const idpUrl = `http://localhost:${options.idpPort}`;
  try {
    const database: PreparedDatabase = await prepareDatabase({ ...options, seed: true });
    stoppers.push(database.stop);

    // Demo accounts, and invited people choosing their password at first login.
    const { close: closeIdentities, ...identities } = await devIdentityStore(database.ownerUrl);
    stoppers.push(closeIdentities);
    const idp: DevIdp = await startDevIdp({
      port: options.idpPort,
      baseUrl: idpUrl,
      webOrigins: [webUrl, `http://127.0.0.1:${options.webPort}`],
      ...identities,
    });
    stoppers.push(idp.close);

    const env = {
      ...process.env,
      APP_DATABASE_URL: database.appUrl,
      API_PORT: String(options.apiPort),
      WEB_PORT: String(options.webPort),
      IDP_URL: idpUrl,
      OIDC_ISSUER: idp.issuer,
    };
    const api = run('api', process.execPath, [path.join(repoRoot, 'apps/api/dist/main.js')], env, childLog);
    stoppers.push(() => terminate(api));
    await waitForHttp(`${apiUrl}/api/health`, api, 'API');

    const webDir = path.join(repoRoot, 'apps/web');
    const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [webDir] })), 'bin/vite.js');
    const webArgs = options.webMode === 'dev' ? [vite] : [vite, 'preview'];
    const web = run('web', process.execPath, webArgs, env, childLog, webDir);
    stoppers.push(() => terminate(web));
    await waitForHttp(webUrl, web, 'web app');

    return { webUrl, apiUrl, issuer: idp.issuer, ownerDatabaseUrl: database.ownerUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  cwd = repoRoot,
): ChildProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  child.on('error', (error) => log(`[${name}] could not run: ${error.message}`));
  return child;
}


