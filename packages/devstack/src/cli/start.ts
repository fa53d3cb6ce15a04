import { stackConfig } from '../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANTS } from '../demo/accounts';
import { startStack } from '../stack';

/** `npm start`: the whole product on embedded defaults, with demo data. Ctrl-C stops everything. */
const config = stackConfig();
const log = (line: string) => console.log(line);

try {
  console.log(config.databaseUrl ? 'Using the database of DATABASE_URL' : `Starting embedded PostgreSQL (data in ${config.dataDir})`);
  // WEB_MODE=preview serves the production build (browser tests); the default is Vite's dev server.
  const webMode = process.env.WEB_MODE === 'preview' ? 'preview' : 'dev';
  const stack = await startStack({ ...config, webMode, log });
  const tenantName = (id: string) => DEMO_TENANTS.find((tenant) => tenant.id === id)?.name ?? '';
  console.log(`
  CCAS is running.

    Web app             ${stack.webUrl}
    API                 ${stack.apiUrl}/api   (OpenAPI: ${stack.apiUrl}/api/docs)
    Identity provider   ${stack.issuer}

  Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(26)} ${a.roles.join(', ').padEnd(9)} ${tenantName(a.tenantId)}`).join('\n')}

  Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
