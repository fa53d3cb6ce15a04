/**
 * `npm run seed:scale -- [--scale 0.01] [--tenants 300] [--no-verify]`: creates the national-scale
 * dataset (scripts/bench/scale-data.ts) in the persistent scale database (scripts/bench/scale-db.ts),
 * replacing the one there. `npm run bench` then reuses it.
 */
import { parseArgs } from 'node:util';
import { log, runScript, seconds } from './harness';
import { seedScale } from './scale-data';
import { describeDataset, openScaleDatabase, writeDataset } from './scale-db';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    tenants: { type: 'string' },
    'no-verify': { type: 'boolean' },
  },
});
const scale = Number(args.scale ?? process.env.BENCH_SCALE ?? 1);
const tenants = Number(args.tenants ?? 300);
if (!(scale > 0 && scale <= 10)) throw new Error('--scale: a number in ]0, 10]');
if (!(Number.isInteger(tenants) && tenants >= 2)) throw new Error('--tenants: an integer ≥ 2');

runScript('seed:scale', async () => {
  const started = performance.now();
  const database = await openScaleDatabase({ drop: true });
  log(`Seeding scale ${scale} (${tenants} tenants)…`);
  const dataset = await seedScale(database.ownerUrl, { scale, tenants, verify: !args['no-verify'] }, log);
  await writeDataset(database.ownerUrl, dataset);
  for (const line of describeDataset(dataset)) log(line);
  log(`Done in ${seconds(started)}`);
});
