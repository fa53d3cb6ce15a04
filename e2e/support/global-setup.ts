import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from './browser';
import { E2E } from './environment';

/**
 * Starts the product exactly as `npm start` does (packages/devstack/src/cli/start.ts), on a fresh
 * embedded database, serving the production build of the web app.
 */
export default async function globalSetup(): Promise<void> {
  chromiumPath(); // fail first, with install instructions, when there is no browser
  const repoRoot = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccas-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WEB_MODE: 'preview',
    WEB_PORT: String(E2E.webPort),
    API_PORT: String(E2E.apiPort),
    IDP_PORT: String(E2E.idpPort),
    PG_PORT: String(E2E.pgPort),
    DATA_DIR: dataDir,
  };
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `${url.pathname}_e2e`;
    env.DATABASE_URL = url.toString();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/devstack/src/cli/start.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (process.env.DEBUG_E2E) process.stdout.write(chunk);
      if (output.includes('CCAS is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with code ${code} during start-up:\n${output}`));
    });
  });
  // Keep draining its output so the stack never blocks on a full pipe.
  child.stdout.removeAllListeners('data').resume();
  child.stderr.removeAllListeners('data').resume();
  (globalThis as Record<string, unknown>).__ccasStack = { child, dataDir };
}
