import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__ccasStack as { child: ChildProcess; dataDir: string } | undefined;
  if (!stack) return;
  const { child, dataDir } = stack;
  child.removeAllListeners('exit');
  if (child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM'); // start.ts stops web, API, identity provider and PostgreSQL in order
    });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
