import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE } from '../../packages/devstack/src/database';
import { repoRoot } from '../../packages/devstack/src/paths';
import { startEmbeddedPostgres } from '../../packages/devstack/src/postgres';
import { freePort, terminate, waitForHttp } from '../../packages/devstack/src/processes';
import type { TokenIssuer } from '../../packages/devstack/src/token-issuer';
import { postgresCpuMs, processCpuMs } from './cpu';
import { runLoad, stopLoad, type LoadResult } from './load';

/**
 * What every benchmark script shares: stopping everything it started (success, error, Ctrl-C,
 * crash), the built API as a child process trusting a local JWKS, one measured load with the CPU
 * it cost, auto_explain, and the small formatting helpers of the printed tables.
 */

export const log = (line: string) => console.log(line);
export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// Everything started, stopped in reverse order on success, error and Ctrl-C.
const cleanups: { label: string; run: () => Promise<void> }[] = [];
// Synchronous fallbacks for an exit that skipped the cleanup (e.g. a crash): kill what still runs.
const lastResort = new Map<string, () => void>();
let cleaning: Promise<void> | undefined;

/** Registers something to stop at the end (`kill`: a synchronous last resort for a crash). */
export function onCleanup(label: string, run: () => Promise<void>, kill?: () => void): { remove(): void } {
  const entry = { label, run };
  cleanups.push(entry);
  if (kill) lastResort.set(label, kill);
  return {
    remove() {
      const index = cleanups.indexOf(entry);
      if (index >= 0) cleanups.splice(index, 1);
      lastResort.delete(label);
    },
  };
}

export function isCleaning(): boolean {
  return cleaning !== undefined;
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad();
    for (const { label, run } of cleanups.reverse()) {
      try {
        await run();
        lastResort.delete(label);
      } catch (error) {
        console.error(`cleanup (${label}) failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Signals, crashes and closed pipes all end with the cleanup; `main` is run and cleaned up after. */
export function runScript(name: string, main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what ${name} started…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(`${name} crashed: ${error.stack ?? error.message}`);
    void cleanup().finally(() => process.exit(1));
  });
  process.on('exit', () => {
    for (const kill of lastResort.values()) {
      try {
        kill();
      } catch {
        // already gone
      }
    }
  });
  // Output piped into a closed reader (e.g. `| head`): keep running and clean up, just stop printing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  main()
    .catch((error: unknown) => {
      if (cleaning) return; // interrupted: the error is a consequence
      console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}

export const apiMainPath = () => {
  const apiMain = path.join(repoRoot, 'apps/api/dist/main.js');
  if (!fs.existsSync(apiMain)) throw new Error(`${apiMain} is missing: run npm run build -w @ccas/api first`);
  return apiMain;
};

export interface RunningApi {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** The built API as a child process, connected as the app role, trusting the issuer's JWKS. */
export async function startApi(apiMain: string, appUrl: string, issuer: TokenIssuer): Promise<RunningApi> {
  const port = await freePort();
  // e.g. BENCH_API_NODE_ARGS="--prof --logfile=/tmp/api-v8.log --no-logfile-per-isolate" to profile the API.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, apiMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // The daily jobs (retention, reminders) would start a run over 300 tenants at boot and load the
      // machine during the measures: they are off here, their cost is another question.
      JOBS_ENABLED: 'false',
      APP_DATABASE_URL: appUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      OIDC_ISSUER: issuer.issuer,
      OIDC_JWKS_URL: issuer.jwksUrl,
      OIDC_AUDIENCE: 'ccas-api',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[api] ${line}`);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const stop = () => terminate(child);
  const registration = onCleanup(`API (pid ${child.pid})`, stop, () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, child, 'the API');
  log(`API (pid ${child.pid}) ready on ${url}`);
  return {
    url,
    pid: child.pid,
    stop: async () => {
      await stop();
      registration.remove();
    },
  };
}

export interface Run extends LoadResult {
  /** CPU time of the API process per 2xx response (Linux). */
  apiCpuMs: number | undefined;
  /** CPU time of the PostgreSQL server per 2xx response (embedded cluster on Linux). */
  postgresCpuMs: number | undefined;
}

/** Warm-up (not measured), then one measured load, with the CPU the API and PostgreSQL spent on it. */
export async function measure(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  apiPid: number | undefined;
  postmasterPid: number | undefined;
}): Promise<Run> {
  const { url, headers, connections } = options;
  if (options.warmupSeconds > 0) await runLoad({ url, headers, connections, durationSeconds: options.warmupSeconds });
  const before = { api: processCpuMs(options.apiPid), postgres: postgresCpuMs(options.postmasterPid) };
  const load = await runLoad({ url, headers, connections, durationSeconds: options.durationSeconds });
  const perRequest = (after: number | undefined, start: number | undefined) =>
    after === undefined || start === undefined || load.requests === 0 ? undefined : (after - start) / load.requests;
  return {
    ...load,
    apiCpuMs: perRequest(processCpuMs(options.apiPid), before.api),
    postgresCpuMs: perRequest(postgresCpuMs(options.postmasterPid), before.postgres),
  };
}

/** The load plan, as both benches announce it. */
export const loadPlan = (settings: { connections: number[]; warmupSeconds: number; durationSeconds: number }) =>
  `\nLoad: ${settings.connections.join(' then ')} connection(s), ${settings.warmupSeconds} s warm-up + ` +
  `${settings.durationSeconds} s each; load average ${loadAverage()}`;

/** One endpoint measured at each number of connections, a line logged for each (`label` first). */
export async function measureLoads(
  label: string,
  target: { url: string; headers?: Record<string, string> },
  settings: { connections: number[]; warmupSeconds: number; durationSeconds: number },
  pids: { apiPid: number | undefined; postmasterPid: number | undefined },
): Promise<Map<number, Run>> {
  const results = new Map<number, Run>();
  for (const connections of settings.connections) {
    const result = await measure({ ...target, ...pids, connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds });
    results.set(connections, result);
    log(
      `${label} c=${String(connections).padEnd(3)} ` +
        `median ${fmt(result.medianMs).padStart(5)} ms  p95 ${fmt(result.p95Ms).padStart(5)} ms  ` +
        `${String(Math.round(result.requestsPerSecond)).padStart(5)} req/s  ` +
        `CPU/request: API ${fmt(result.apiCpuMs)} ms, PostgreSQL ${fmt(result.postgresCpuMs)} ms${failures(result)}`,
    );
  }
  return results;
}

/** Logs the plan of every statement of the API's database role, with actual rows, times and buffers. */
export async function setAutoExplain(ownerUrl: string, enabled: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const target = `ROLE ${APP_ROLE} IN DATABASE ${client.escapeIdentifier(rows[0].db)}`;
    const settings = [
      ['session_preload_libraries', "'auto_explain'"],
      ['auto_explain.log_min_duration', '0'],
      ['auto_explain.log_analyze', 'on'],
      ['auto_explain.log_buffers', 'on'],
      ['auto_explain.log_settings', 'on'],
      // The statements run inside functions too (the search may be a plpgsql function).
      ['auto_explain.log_nested_statements', 'on'],
    ];
    for (const [name, value] of settings) {
      await client.query(enabled ? `ALTER ${target} SET ${name} = ${value}` : `ALTER ${target} RESET ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Server log lines → one text per `duration: … plan:` entry, without the line prefixes. */
export function splitPlans(lines: string[]): string[] {
  const plans: string[] = [];
  for (const line of lines) {
    const header = /LOG:\s+duration: ([\d.]+ ms)\s+plan:/.exec(line);
    if (header) plans.push(`-- duration ${header[1]}`);
    else if (plans.length > 0 && !/^\S+ \S+ \S+ \[\d+\] /.test(line)) plans[plans.length - 1] += `\n${line.replace(/^\t/, '')}`;
  }
  return plans;
}

export const planDuration = (plan: string) => Number(/^-- duration ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
export const planQueryText = (plan: string) => /Query Text:([\s\S]*?)\n(?:Query Parameters|\S)/.exec(plan)?.[1] ?? '';

export function failures(result: LoadResult): string {
  const codes = Object.entries(result.statusCodes).map(([code, count]) => `${count} × HTTP ${code}`);
  if (result.errors) codes.push(`${result.errors} errors`);
  return codes.length ? ` (${codes.join(', ')})` : '';
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

export function fmt(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  return ms < 1 ? ms.toFixed(2) : ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}

/** Cores, memory (from /proc), CPU model, Node: the machine line of docs/benchmarks.md. */
export function machine(): { cores: number; memoryGiB: number | undefined; cpu: string | undefined; node: string } {
  let memoryGiB: number | undefined;
  try {
    const kb = Number(/MemTotal:\s+(\d+) kB/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    if (kb) memoryGiB = Math.round((kb / 1024 / 1024) * 10) / 10;
  } catch {
    // not Linux
  }
  return { cores: os.availableParallelism(), memoryGiB, cpu: os.cpus()[0]?.model, node: process.version };
}

export async function fetchJson(url: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body };
}

/**
 * The bench's own embedded PostgreSQL in `dataDir`, stopped at the end. Its log is printed when it
 * reports an error, or collected into `serverLog.lines` while set (auto_explain plans).
 */
export async function startBenchCluster(dataDir: string) {
  const serverLog: { lines: string[] | undefined } = { lines: undefined };
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    log: (line) => {
      if (serverLog.lines) serverLog.lines.push(line);
      else if (/ERROR|FATAL|PANIC/.test(line) && !isCleaning()) log(`[postgres] ${line}`);
    },
  });
  onCleanup('PostgreSQL', () => cluster.stop(), () => {
    const pid = Number(fs.readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGINT'); // fast shutdown
  });
  log(`Embedded PostgreSQL on port ${cluster.port}, data in ${cluster.dataDir}`);
  return { cluster, serverLog };
}

/** The options of a measured load, common to the benches (flag, or environment variable). */
export const LOAD_OPTIONS = {
  duration: { type: 'string' },
  warmup: { type: 'string' },
  connections: { type: 'string' },
  explain: { type: 'string' },
  json: { type: 'string' },
} as const;

/** Reads and checks the load options (see each bench's header for their meaning and defaults). */
export function loadSettings(args: { duration?: string; warmup?: string; connections?: string; explain?: string; json?: string }) {
  const env = process.env;
  const settings = {
    durationSeconds: Number(args.duration ?? env.BENCH_DURATION ?? 10),
    warmupSeconds: Number(args.warmup ?? env.BENCH_WARMUP ?? 1),
    connections: (args.connections ?? env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number),
    explain: (args.explain ?? env.BENCH_EXPLAIN ?? 'auto') as 'auto' | 'always' | 'never',
    json: args.json ?? env.BENCH_JSON,
  };
  if (!(Number.isInteger(settings.durationSeconds) && settings.durationSeconds >= 1)) throw new Error('--duration: a positive integer');
  if (!(Number.isInteger(settings.warmupSeconds) && settings.warmupSeconds >= 0)) throw new Error('--warmup: an integer ≥ 0');
  if (!settings.connections.every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--connections: a list of positive integers');
  if (!['auto', 'always', 'never'].includes(settings.explain)) throw new Error('--explain must be auto, always or never');
  return settings;
}
