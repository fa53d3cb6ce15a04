import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The Prisma CLI wants a native schema engine it cannot download here; `generate` does not use it
// but checks that the file exists (see docs/decisions/002-sql-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'schema.prisma');

export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: {
    path: path.join(__dirname, 'prisma', 'migrations'),
    seed: 'tsx packages/devstack/src/cli/db.ts seed',
  },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
