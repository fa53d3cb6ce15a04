/**
 * `npm run bench:search`: latency and throughput of the beneficiary search on 100 000 files in one
 * tenant. Starts its own PostgreSQL (embedded, in a temporary folder; or a `<db>_bench` database next
 * to DATABASE_URL's), migrates and seeds it, starts the built API (apps/api/dist/main.js) as a child
 * process with a local JWKS, loads each query with autocannon and prints a table (docs/benchmarks.md).
 *
 * Options (flag or environment variable):
 *   --duration <s>     BENCH_DURATION     seconds of load per query and concurrency (default 10)
 *   --warmup <s>       BENCH_WARMUP       seconds of warm-up before each, not measured (default 1)
 *   --connections <n>  BENCH_CONNECTIONS  concurrent connections, a comma-separated list (default 1,10):
 *                                         1 gives a query's own latency, 10 a busy CCAS's throughput
 *   --files <n>        BENCH_FILES        beneficiary files in the bench tenant (default 100000)
 *   --explain <mode>   BENCH_EXPLAIN      auto (plans of the queries over target), always, never
 *   --json <path>      BENCH_JSON         also write the figures as JSON
 *   DATABASE_URL       owner URL of an existing PostgreSQL: uses (drops, recreates) `<db>_bench`
 *   BENCH_API_NODE_ARGS extra Node options for the API process (profiling)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropDatabase } from '../../packages/devstack/src/database';
import { prepareDatabase } from '../../packages/devstack/src/database-setup';
import { TokenIssuer } from '../../packages/devstack/src/token-issuer';
import { postmasterPid } from './cpu';
import {
  apiMainPath,
  failures,
  fetchJson,
  fmt,
  LOAD_OPTIONS,
  loadAverage,
  loadSettings,
  log,
  measureLoads,
  loadPlan,
  onCleanup,
  planDuration,
  planQueryText,
  runScript,
  seconds,
  setAutoExplain,
  splitPlans,
  startApi,
  startBenchCluster,
  type Run,
  type RunningApi,
} from './harness';
import { seedBench, type BenchAgent } from './seed';

const TARGET_P95_MS = 50;

const { values: args } = parseArgs({ options: { ...LOAD_OPTIONS, files: { type: 'string' } } });
const settings = { ...loadSettings(args), files: Number(args.files ?? process.env.BENCH_FILES ?? 100_000) };
if (!(Number.isInteger(settings.files) && settings.files >= 1)) throw new Error('--files: a positive integer');
const env = process.env;

interface Scenario {
  name: string;
  path: string;
  authenticated: boolean;
  search: boolean;
}

interface Measured extends Scenario {
  status: number;
  items: number | undefined;
  /** By number of connections; empty when the query was not measured. */
  results: Map<number, Run>;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const apiMain = apiMainPath();

  // 1. PostgreSQL, migrated.
  let phase = performance.now();
  const database = await startDatabase();
  log(`PostgreSQL ready and migrated (${seconds(phase)})`);

  // 2. The bench tenant.
  phase = performance.now();
  log(`Seeding ${settings.files.toLocaleString('en-US')} beneficiary files…`);
  const seed = await seedBench(database.ownerUrl, settings.files, (line) => log(line));
  log(`Seeded ${seed.files.toLocaleString('en-US')} files, ${seed.referents.toLocaleString('en-US')} referent links (${seconds(phase)})`);

  // 3. The API, as a separate process, trusting our JWKS.
  const issuer = await TokenIssuer.start();
  onCleanup('JWKS server', () => issuer.close());
  let api: RunningApi = await startApi(apiMain, database.appUrl, issuer);
  const agent = seed.agents[0];
  // Shaped like Keycloak's; the membership is linked to the subject at first use by verified email.
  const token = await issuer.sign(
    { sub: subjectOf(agent), email: agent.email, email_verified: true, sid: randomUUID(), typ: 'Bearer', azp: 'ccas-web' },
    { expiresIn: '4h' },
  );
  const auth = { authorization: `Bearer ${token}` };
  const me = await fetchJson(`${api.url}/api/v1/me`, auth);
  if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}: ${JSON.stringify(me.body)}`);
  const meBody = me.body as { firstName: string; lastName: string; roles: string[]; tenant: { name: string }; permissions: string[] };
  log(`Authenticated as ${meBody.firstName} ${meBody.lastName} (${meBody.roles.join(', ')}) in ${meBody.tenant.name}`);
  if (!meBody.permissions.includes('beneficiary:search')) throw new Error('the bench agent lacks beneficiary:search');

  // 4. The queries.
  const referent = seed.agents[1];
  const search = (query: string) => `/api/v1/beneficiaries?${new URLSearchParams({ ...(query ? { q: query } : {}), limit: '20' })}`;
  const scenarios: Scenario[] = [
    { name: 'GET /api/health (baseline)', path: '/api/health', authenticated: false, search: false },
    { name: 'GET /api/v1/me (authenticated baseline)', path: '/api/v1/me', authenticated: true, search: false },
    { name: 'q=lefevbre (misspelled, accented)', path: search('lefevbre'), authenticated: true, search: true },
    { name: 'q=helene martin', path: search('helene martin'), authenticated: true, search: true },
    { name: 'q=Dubois Béatrice (name + first name)', path: search('Dubois Béatrice'), authenticated: true, search: true },
    { name: 'q=ber (3-letter prefix)', path: search('ber'), authenticated: true, search: true },
    { name: 'q=14/03/1985 (birth date)', path: search('14/03/1985'), authenticated: true, search: true },
    { name: 'q=06 12 (phone prefix)', path: search('06 12'), authenticated: true, search: true },
    { name: 'q=D00042 (file number)', path: search('D00042'), authenticated: true, search: true },
    { name: 'referent=<agent> (filter only)', path: `/api/v1/beneficiaries?referent=${referent.id}&limit=20`, authenticated: true, search: true },
    { name: 'status=ACTIVE (filter only)', path: '/api/v1/beneficiaries?status=ACTIVE&limit=20', authenticated: true, search: true },
  ];

  log(loadPlan(settings));
  const measured: Measured[] = [];
  let searchAvailable = true;
  for (const scenario of scenarios) {
    const url = `${api.url}${scenario.path}`;
    const headers = scenario.authenticated ? auth : undefined;
    const probe = await fetchJson(url, headers);
    const items = Array.isArray((probe.body as { items?: unknown[] })?.items) ? (probe.body as { items: unknown[] }).items.length : undefined;
    const entry: Measured = { ...scenario, status: probe.status, items, results: new Map() };
    measured.push(entry);
    if (scenario.search && (probe.status === 404 || probe.status === 405)) {
      if (searchAvailable) log(`GET /api/v1/beneficiaries answered ${probe.status}: the search endpoint is not there yet; skipping the search queries`);
      searchAvailable = false;
      continue;
    }
    if (probe.status !== 200) {
      log(`${scenario.name}: answered ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}; not measured`);
      continue;
    }
    entry.results = await measureLoads(`${scenario.name.padEnd(42)} items ${String(items ?? '-').padStart(3)}`, { url, headers }, settings, {
      apiPid: api.pid,
      postmasterPid: database.postmasterPid,
    });
  }
  log(`Load average after the runs: ${loadAverage()}`);

  for (const connections of settings.connections) printTable(measured, connections);

  // 5. Plans of the slow queries, as the API's own SQL ran them (auto_explain, embedded cluster only).
  const latencyLevel = Math.min(...settings.connections);
  const slow = measured.filter((m) => {
    const result = m.results.get(latencyLevel);
    return m.search && result && (settings.explain === 'always' || result.p95Ms >= TARGET_P95_MS);
  });
  if (settings.explain !== 'never' && slow.length > 0) {
    if (!database.serverLog) {
      log('\nQuery plans are captured from the embedded cluster\'s log only: unset DATABASE_URL to get them.');
    } else {
      await api.stop();
      await setAutoExplain(database.ownerUrl, true);
      api = await startApi(apiMain, database.appUrl, issuer);
      await capturePlans(api.url, auth, slow, database.serverLog);
    }
  }

  if (settings.json) {
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
      settings,
      files: seed.files,
      referents: seed.referents,
      results: measured.map(({ name, path: urlPath, status, items, results }) => ({
        name,
        path: urlPath,
        status,
        items,
        byConnections: Object.fromEntries(results),
      })),
    };
    fs.writeFileSync(settings.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`Figures written to ${settings.json}`);
  }
  log(`\nDone in ${seconds(startedAt)}`);
}

interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  /** Set when the cluster is ours (embedded): its server log goes to `lines` while that is set. */
  serverLog: { lines: string[] | undefined } | undefined;
  postmasterPid: number | undefined;
}

async function startDatabase(): Promise<BenchDatabase> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = `${url.pathname}_bench`;
    const ownerUrl = url.toString();
    if (env.APP_DATABASE_URL) {
      const appUrl = new URL(env.APP_DATABASE_URL);
      appUrl.pathname = url.pathname;
      env.APP_DATABASE_URL = appUrl.toString();
    }
    log(`Using ${url.pathname.slice(1)} on ${url.host} (DATABASE_URL); dropping it first`);
    await dropDatabase(ownerUrl);
    onCleanup('bench database', () => dropDatabase(ownerUrl));
    const prepared = await prepareDatabase({ databaseUrl: ownerUrl, dataDir: '', postgresPort: 0, seed: false, log });
    return { ownerUrl: prepared.ownerUrl, appUrl: prepared.appUrl, serverLog: undefined, postmasterPid: undefined };
  }

  delete env.APP_DATABASE_URL; // the app role of our own cluster, not of another database
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccas-bench-'));
  fs.chmodSync(dataDir, 0o755); // the postgres OS user (when running as root) must reach the cluster folder
  onCleanup('temporary data folder', async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const { cluster, serverLog } = await startBenchCluster(path.join(dataDir, 'postgres'));
  const prepared = await prepareDatabase({
    databaseUrl: cluster.url('ccas_bench'),
    dataDir,
    postgresPort: cluster.port,
    seed: false,
    log,
  });
  return { ownerUrl: prepared.ownerUrl, appUrl: prepared.appUrl, serverLog, postmasterPid: postmasterPid(cluster.dataDir) };
}

async function capturePlans(apiUrl: string, auth: Record<string, string>, slow: Measured[], serverLog: { lines: string[] | undefined }): Promise<void> {
  log(`\nEXPLAIN ANALYZE of the search SQL (auto_explain, warm cache, one request at a time):`);
  for (const scenario of slow) {
    await fetchJson(`${apiUrl}${scenario.path}`, auth); // warm-up: caches, prepared statements
    const lines: string[] = [];
    serverLog.lines = lines;
    const started = performance.now();
    const response = await fetchJson(`${apiUrl}${scenario.path}`, auth);
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the server log arrive
    serverLog.lines = undefined;
    // Entries without query text are SQL functions evaluated while planning (app_search_key of a constant).
    const all = splitPlans(lines).filter((plan) => !/Query Text:\s*\n(Query Parameters|\S)/.test(plan));
    // Statements run inside functions and triggers (their plan carries the calling context) are
    // listed indented, and not counted twice.
    const nested = (plan: string) => /^(PL\/pgSQL|SQL) function /m.test(plan) || /FROM ONLY .* FOR KEY SHARE/.test(plan);
    const durationOf = planDuration;
    const topLevel = all.filter((plan) => !nested(plan));
    const sqlMs = topLevel.reduce((sum, plan) => sum + durationOf(plan), 0);
    log(
      `\n### ${scenario.name} — ${scenario.path} — HTTP ${response.status} in ${fmt(elapsed)} ms under auto_explain ` +
        `(${topLevel.length} statements sent, BEGIN and COMMIT not counted; ${fmt(sqlMs)} ms of SQL in total)`,
    );
    for (const plan of all) {
      const text = planQueryText(plan);
      const line = `${fmt(durationOf(plan)).padStart(7)} ms  ${text.replace(/\s+/g, ' ').trim()}`;
      log(nested(plan) ? `      ↳ ${line.trim().slice(0, 110)}` : `  ${line.slice(0, 120)}`);
    }
    const plans = all.filter(
      (plan) => /FROM\s+"?(public"?\.)?"?beneficiar/i.test(plan) || (nested(plan) && durationOf(plan) >= 5),
    );
    if (plans.length === 0) log('(no statement on beneficiaries was logged)');
    for (const plan of plans) log(plan);
  }
}

function printTable(measured: Measured[], connections: number): void {
  const baseline = measured.find((m) => m.path === '/api/health')?.results.get(connections)?.requestsPerSecond;
  log(`\n${connections} connection${connections > 1 ? 's' : ''}:\n`);
  log('| Query | Items | Median (ms) | p95 (ms) | p99 (ms) | Requests/s | vs /api/health | p95 < 50 ms | CPU/req API (ms) | CPU/req PostgreSQL (ms) |');
  log('|---|--:|--:|--:|--:|--:|--:|:-:|--:|--:|');
  for (const m of measured) {
    const r = m.results.get(connections);
    if (!r) {
      log(`| ${m.name} | — | HTTP ${m.status}, not measured | | | | | | | |`);
      continue;
    }
    const ratio = baseline ? `${(r.requestsPerSecond / baseline).toFixed(2)}×` : '—';
    const verdict = m.search ? (r.p95Ms < TARGET_P95_MS ? 'yes' : '**no**') : '';
    log(
      `| ${m.name}${failures(r)} | ${m.items ?? '—'} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.p99Ms)} | ` +
        `${Math.round(r.requestsPerSecond)} | ${ratio} | ${verdict} | ${fmt(r.apiCpuMs)} | ${fmt(r.postgresCpuMs)} |`,
    );
  }
}

/** Keycloak would give the user a UUID; any stable subject does, the membership is linked by email. */
function subjectOf(agent: BenchAgent): string {
  return `bench-${agent.email}`;
}

runScript('bench:search', main);
