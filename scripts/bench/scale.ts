/**
 * `npm run bench`: the dashboard, search, file, export and health endpoints of the built API on the
 * national-scale dataset (scripts/bench/scale-data.ts), for the largest tenant and a median one, as
 * each tenant's MANAGER. Reuses the scale database when it holds a complete dataset (seeding it
 * otherwise), starts the API as a child process trusting a local JWKS, loads each endpoint with
 * autocannon and prints median / p95 latency, throughput, its ratio to the health endpoint's and the
 * CPU per request; then exports the largest tenant's latest 100 000 procedures whole (CSV and XLSX)
 * and prints the time and the API's memory growth (docs/benchmarks.md). A benchmark: it prints
 * figures and never fails on them.
 *
 * Options (flag or environment variable):
 *   --duration <s>     BENCH_DURATION     seconds of load per endpoint and concurrency (default 10)
 *   --warmup <s>       BENCH_WARMUP       seconds of warm-up before each, not measured (default 1)
 *   --connections <n>  BENCH_CONNECTIONS  concurrent connections, comma-separated (default 1,10)
 *   --scale <x>        BENCH_SCALE        dataset size when seeding (default 1); a different scale than the
 *                                         stored dataset's reseeds it
 *   --reseed                              seed again even if a dataset is there
 *   --only <text>      BENCH_ONLY         measure only the endpoints whose name contains one of these (comma-separated)
 *   --explain <mode>   BENCH_EXPLAIN      auto (plans of the requests over target), always, never
 *   --json <path>      BENCH_JSON         also write the figures as JSON
 *   DATABASE_URL       owner URL of an existing PostgreSQL: uses (seeds once) `<db>_scale`
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { TokenIssuer } from '../../packages/devstack/src/token-issuer';
import {
  apiMainPath,
  failures,
  fetchJson,
  fmt,
  LOAD_OPTIONS,
  loadAverage,
  loadSettings,
  log,
  machine,
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
  type Run,
  type RunningApi,
} from './harness';
import { managerSubject, seedScale, type ScaleTenant } from './scale-data';
import { describeDataset, openScaleDatabase, recreateScaleDatabase, writeDataset } from './scale-db';

const DASHBOARD_TARGET_MS = 150;
const FILE_TARGET_MS = 30;
const SEARCH_TARGET_MS = 50;

const { values: args } = parseArgs({
  options: { ...LOAD_OPTIONS, scale: { type: 'string' }, reseed: { type: 'boolean' }, only: { type: 'string' } },
});
const settings = {
  ...loadSettings(args),
  scale: args.scale ?? process.env.BENCH_SCALE,
  reseed: Boolean(args.reseed),
  only: (args.only ?? process.env.BENCH_ONLY)?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
};
if (settings.scale !== undefined && !(Number(settings.scale) > 0)) throw new Error('--scale: a positive number');

interface Scenario {
  name: string;
  tenant: string;
  path: string;
  headers?: Record<string, string>;
  target?: number;
  dashboard: boolean;
}

interface Measured extends Scenario {
  status: number;
  bytes: number;
  results: Map<number, Run>;
}

/** Paris calendar day, `YYYY-MM-DD`. */
const parisDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
const shiftDay = (day: string, { years = 0, months = 0, days = 0 }) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The periods a director looks at: last month, last quarter (3 months), last 12 months, 3 years to today. */
function periods(today: string): { name: string; from: string; to: string }[] {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const lastOfPrevious = shiftDay(firstOfMonth, { days: -1 });
  return [
    { name: 'month', from: shiftDay(firstOfMonth, { months: -1 }), to: lastOfPrevious },
    { name: 'quarter', from: shiftDay(firstOfMonth, { months: -3 }), to: lastOfPrevious },
    { name: 'year', from: shiftDay(firstOfMonth, { months: -12 }), to: lastOfPrevious },
    { name: '3 years', from: shiftDay(today, { years: -3, days: 1 }), to: today },
  ];
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const apiMain = apiMainPath();
  const host = machine();
  log(`Machine: ${host.cores} cores (${host.cpu ?? '?'}), ${host.memoryGiB ?? '?'} GiB RAM, Node ${host.node}; load average ${loadAverage()}`);

  // 1. The scale database, seeded once.
  const phase = performance.now();
  const database = await openScaleDatabase({ drop: false });
  let dataset = database.dataset;
  const wantedScale = settings.scale === undefined ? undefined : Number(settings.scale);
  if (!dataset || settings.reseed || (wantedScale !== undefined && wantedScale !== dataset.scale)) {
    const scale = wantedScale ?? 1;
    log(dataset ? `Reseeding (stored dataset: scale ${dataset.scale})…` : `No complete scale dataset yet: seeding scale ${scale}…`);
    await recreateScaleDatabase(database);
    dataset = await seedScale(database.ownerUrl, { scale, tenants: 300, verify: true }, log);
    await writeDataset(database.ownerUrl, dataset);
  } else {
    log(`Reusing the scale dataset (${seconds(phase)}); --reseed to seed again`);
  }
  for (const line of describeDataset(dataset)) log(line);

  // 2. The API, as a separate process, trusting our JWKS.
  const issuer = await TokenIssuer.start();
  onCleanup('JWKS server', () => issuer.close());
  let api: RunningApi = await startApi(apiMain, database.appUrl, issuer);

  const bySize = [...dataset.tenants].sort((a, b) => b.files - a.files);
  const chosen = [
    { label: 'largest', tenant: bySize[0] },
    { label: 'median', tenant: bySize[Math.floor(bySize.length / 2)] },
  ];
  const today = parisDay(new Date());
  const scenarios: Scenario[] = [{ name: 'GET /api/health (baseline)', tenant: '—', path: '/api/health', dashboard: false }];
  for (const { label, tenant } of chosen) {
    const headers = { authorization: `Bearer ${await managerToken(issuer, tenant)}` };
    const me = await fetchJson(`${api.url}/api/v1/me`, headers);
    if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status} for the ${label} tenant's manager: ${JSON.stringify(me.body)}`);
    const picks = await pickIds(database.ownerUrl, tenant);
    const name = `${label} (${tenant.files.toLocaleString('en-US')} files)`;
    const dashboard = (period: { from: string; to: string }, filter: Record<string, string> = {}) =>
      `/api/v1/dashboard?${new URLSearchParams({ from: period.from, to: period.to, ...filter })}`;
    const [month, quarter, year, threeYears] = periods(today);
    for (const period of [month, quarter, year, threeYears]) {
      scenarios.push({ name: `dashboard, ${period.name}`, tenant: name, path: dashboard(period), headers, target: DASHBOARD_TARGET_MS, dashboard: true });
    }
    for (const period of label === 'largest' ? [month, year, threeYears] : [year]) {
      scenarios.push({ name: `dashboard, ${period.name}, site`, tenant: name, path: dashboard(period, { siteId: picks.site }), headers, target: DASHBOARD_TARGET_MS, dashboard: true });
      scenarios.push({ name: `dashboard, ${period.name}, agent`, tenant: name, path: dashboard(period, { agentId: picks.agent }), headers, target: DASHBOARD_TARGET_MS, dashboard: true });
    }
    scenarios.push({ name: 'search q=lefevbre', tenant: name, path: `/api/v1/beneficiaries?${new URLSearchParams({ q: 'lefevbre', limit: '20' })}`, headers, target: SEARCH_TARGET_MS, dashboard: false });
    scenarios.push({ name: 'file open', tenant: name, path: `/api/v1/beneficiaries/${picks.file}`, headers, target: FILE_TARGET_MS, dashboard: false });
    if (label === 'largest') {
      scenarios.push({
        name: 'export procedures-per-month.xlsx, year',
        tenant: name,
        path: `/api/v1/exports/dashboard/procedures-per-month?${new URLSearchParams({ format: 'xlsx', from: year.from, to: year.to })}`,
        headers,
        dashboard: true,
      });
    }
  }
  const selected = scenarios.filter(
    (s) => s.path === '/api/health' || !settings.only || settings.only.some((word) => `${s.name} ${s.tenant}`.toLowerCase().includes(word)),
  );

  // 3. The load.
  log(loadPlan(settings));
  const measured: Measured[] = [];
  for (const scenario of selected) {
    const url = `${api.url}${scenario.path}`;
    const probe = await fetch(url, { headers: scenario.headers });
    const body = Buffer.from(await probe.arrayBuffer());
    const entry: Measured = { ...scenario, status: probe.status, bytes: body.length, results: new Map() };
    measured.push(entry);
    if (probe.status !== 200) {
      log(`${scenario.name} [${scenario.tenant}]: answered ${probe.status} ${body.toString('utf8').slice(0, 300)}; not measured`);
      continue;
    }
    entry.results = await measureLoads(`${scenario.name} [${scenario.tenant}]`.padEnd(60), { url, headers: scenario.headers }, settings, {
      apiPid: api.pid,
      postmasterPid: database.postmasterPid,
    });
  }
  log(`Load average after the runs: ${loadAverage()}`);
  for (const connections of settings.connections) printTable(measured, connections);

  // 3b. A long list exported whole: time and the API's memory growth while it streams.
  if (!settings.only || settings.only.some((word) => 'list export'.includes(word))) {
    const largest = chosen[0].tenant;
    const headers = { authorization: `Bearer ${await managerToken(issuer, largest)}` };
    const from = await dayOfNthLatestProcedure(database.ownerUrl, largest, EXPORT_ROWS);
    log(`\nExport of the largest tenant's last ${EXPORT_ROWS.toLocaleString('en-US')} procedures (from ${from}), one request at a time:`);
    for (const format of ['csv', 'xlsx']) {
      const result = await measureDownload(`${api.url}/api/v1/exports/procedures?${new URLSearchParams({ format, from, to: today })}`, headers, api.pid);
      log(
        `| procedures.${format} | ${result.rows?.toLocaleString('en-US') ?? '?'} rows | ${fmt(result.seconds * 1000)} ms | ` +
          `${(result.bytes / 1e6).toFixed(1)} MB | API memory growth ${result.rssGrowthMb === undefined ? '—' : result.rssGrowthMb.toFixed(0)} MB | ` +
          `target < ${EXPORT_TARGET_S} s, < ${EXPORT_MEMORY_TARGET_MB} MB: ${result.seconds < EXPORT_TARGET_S && (result.rssGrowthMb ?? 0) < EXPORT_MEMORY_TARGET_MB ? 'yes' : '**no**'} |`,
      );
    }
  }

  // 4. Plans of the requests over target, as the API's own SQL ran them (auto_explain, embedded cluster only).
  const latencyLevel = Math.min(...settings.connections);
  const slow = measured.filter((m) => {
    const result = m.results.get(latencyLevel);
    return result && m.target !== undefined && (settings.explain === 'always' || result.p95Ms >= m.target);
  });
  if (settings.explain !== 'never' && slow.length > 0) {
    if (!database.serverLog) {
      log("\nQuery plans are captured from the embedded cluster's log only: unset DATABASE_URL to get them.");
    } else {
      await api.stop();
      await setAutoExplain(database.ownerUrl, true);
      // The scale database is kept: never leave auto_explain on for the next runs.
      const reset = onCleanup('auto_explain settings', () => setAutoExplain(database.ownerUrl, false));
      api = await startApi(apiMain, database.appUrl, issuer);
      await capturePlans(api.url, slow, database.serverLog);
      await api.stop();
      await setAutoExplain(database.ownerUrl, false);
      reset.remove();
    }
  }

  if (settings.json) {
    const report = {
      date: new Date().toISOString(),
      machine: { ...host, loadAverage: os.loadavg() },
      settings,
      dataset: { ...dataset, tenants: chosen.map((c) => ({ label: c.label, ...c.tenant })) },
      results: measured.map(({ name, tenant, path: urlPath, status, bytes, target, results }) => ({
        name,
        tenant,
        path: urlPath,
        status,
        bytes,
        target,
        byConnections: Object.fromEntries(results),
      })),
    };
    fs.writeFileSync(settings.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`Figures written to ${settings.json}`);
  }
  log(`\nDone in ${seconds(startedAt)}`);
}

const EXPORT_ROWS = 100_000;
const EXPORT_TARGET_S = 20;
const EXPORT_MEMORY_TARGET_MB = 100;

/** The Paris day from which the tenant's latest `n` procedures run (owner connection). */
async function dayOfNthLatestProcedure(ownerUrl: string, tenant: ScaleTenant, n: number): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
    const { rows } = await client.query<{ at: Date }>('SELECT occurred_at AS at FROM procedures WHERE tenant_id = $1 ORDER BY occurred_at DESC OFFSET $2 LIMIT 1', [tenant.id, n - 1]);
    await client.query('COMMIT');
    return parisDay(rows[0].at);
  } finally {
    await client.end();
  }
}

/** The API process's resident memory, in MB (Linux). */
function residentMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

/** Downloads a file as the browser would, sampling the API's memory every 20 ms. */
async function measureDownload(url: string, headers: Record<string, string>, apiPid: number | undefined) {
  const before = residentMb(apiPid);
  let peak = before;
  const sampler = setInterval(() => {
    const now = residentMb(apiPid);
    if (now !== undefined && (peak === undefined || now > peak)) peak = now;
  }, 20);
  const started = performance.now();
  const response = await fetch(url, { headers });
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const total = response.headers.get('x-total-count');
  return { rows: total === null ? undefined : Number(total), seconds, bytes, rssGrowthMb: before === undefined || peak === undefined ? undefined : peak - before };
}

/** An access token shaped like Keycloak's; the membership is linked to the subject by verified e-mail. */
function managerToken(issuer: TokenIssuer, tenant: ScaleTenant): Promise<string> {
  return issuer.sign(
    { sub: managerSubject(tenant), email: tenant.managerEmail, email_verified: true, sid: randomUUID(), typ: 'Bearer', azp: 'ccas-web' },
    { expiresIn: '4h' },
  );
}

/** The first site, the first agent and a file from the middle of the tenant (owner connection). */
async function pickIds(ownerUrl: string, tenant: ScaleTenant): Promise<{ site: string; agent: string; file: string }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
    const { rows } = await client.query(
      `SELECT (SELECT id FROM sites WHERE tenant_id = $1 ORDER BY id LIMIT 1) AS site,
              (SELECT id FROM memberships WHERE tenant_id = $1 AND roles = ARRAY['AGENT'] ORDER BY email LIMIT 1) AS agent,
              (SELECT id FROM beneficiaries WHERE tenant_id = $1 AND file_number = $2) AS file`,
      [tenant.id, Math.ceil(tenant.files / 2)],
    );
    await client.query('COMMIT');
    return rows[0];
  } finally {
    await client.end();
  }
}

async function capturePlans(apiUrl: string, slow: Measured[], serverLog: { lines: string[] | undefined }): Promise<void> {
  log('\nEXPLAIN ANALYZE of the SQL of the requests over target (auto_explain with buffers, warm cache, one request at a time):');
  for (const scenario of slow) {
    await fetch(`${apiUrl}${scenario.path}`, { headers: scenario.headers }).then((r) => r.arrayBuffer()); // warm-up
    const lines: string[] = [];
    serverLog.lines = lines;
    const started = performance.now();
    const response = await fetch(`${apiUrl}${scenario.path}`, { headers: scenario.headers });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the server log arrive
    serverLog.lines = undefined;
    const all = splitPlans(lines).filter((plan) => !/Query Text:\s*\n(Query Parameters|\S)/.test(plan));
    const sqlMs = all.reduce((sum, plan) => sum + planDuration(plan), 0);
    log(
      `\n### ${scenario.name} [${scenario.tenant}] — HTTP ${response.status} in ${fmt(elapsed)} ms under auto_explain ` +
        `(${all.length} statements, ${fmt(sqlMs)} ms of SQL in total)`,
    );
    for (const plan of all) log(`  ${fmt(planDuration(plan)).padStart(7)} ms  ${planQueryText(plan).replace(/\s+/g, ' ').trim().slice(0, 150)}`);
    // The plans of the statements that matter: 10 ms or more.
    for (const plan of all.filter((p) => planDuration(p) >= 10).sort((a, b) => planDuration(b) - planDuration(a))) log(plan);
  }
}

function printTable(measured: Measured[], connections: number): void {
  const baseline = measured.find((m) => m.path === '/api/health')?.results.get(connections)?.requestsPerSecond;
  log(`\n${connections} connection${connections > 1 ? 's' : ''}:\n`);
  log('| Endpoint | Tenant | Median (ms) | p95 (ms) | p99 (ms) | Requests/s | vs /api/health | Target p95 | Met | CPU/req API (ms) | CPU/req PostgreSQL (ms) |');
  log('|---|---|--:|--:|--:|--:|--:|--:|:-:|--:|--:|');
  for (const m of measured) {
    const r = m.results.get(connections);
    if (!r) {
      log(`| ${m.name} | ${m.tenant} | HTTP ${m.status}, not measured | | | | | | | | |`);
      continue;
    }
    const ratio = baseline ? `${(r.requestsPerSecond / baseline).toFixed(3)}×` : '—';
    const verdict = m.target === undefined ? '' : r.p95Ms < m.target ? 'yes' : '**no**';
    log(
      `| ${m.name}${failures(r)} | ${m.tenant} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.p99Ms)} | ` +
        `${r.requestsPerSecond < 10 ? r.requestsPerSecond.toFixed(1) : Math.round(r.requestsPerSecond)} | ${ratio} | ` +
        `${m.target ?? '—'} | ${verdict} | ${fmt(r.apiCpuMs)} | ${fmt(r.postgresCpuMs)} |`,
    );
  }
}

runScript('bench', main);
