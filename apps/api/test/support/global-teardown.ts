import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as Record<string, unknown>).__ccasTestDatabase as
    | { stop(): Promise<void>; dataDir: string }
    | undefined;
  await database?.stop();
  if (database) fs.rmSync(database.dataDir, { recursive: true, force: true });
}
