import fs from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';

/**
 * schema.prisma is the model of the data; migrations are hand-written SQL. This test fails as soon
 * as the two disagree: a table, column, type, nullability or primary key on one side only.
 */
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

const schema = fs.readFileSync(path.resolve(__dirname, '../../../prisma/schema.prisma'), 'utf8');
const models: DmmfModel[] = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))).datamodel.models;

/** The PostgreSQL type a Prisma field maps to. */
function expectedType(field: DmmfField): string {
  const native = field.nativeType?.[0];
  const base =
    native === 'Uuid' ? 'uuid'
    : native === 'Citext' ? 'citext'
    : native === 'Timestamptz' ? 'timestamp with time zone'
    : native === 'Date' ? 'date'
    : native === 'Time' ? 'time without time zone'
    : ({ String: 'text', Boolean: 'boolean', Int: 'integer', BigInt: 'bigint', DateTime: 'timestamp without time zone', Json: 'jsonb', Bytes: 'bytea', Float: 'double precision', Decimal: 'numeric' } as Record<string, string>)[field.type] ?? field.type;
  return field.isList ? `${base}[]` : base;
}

/** Columns of a type Prisma does not model (`Unsupported("tstzrange")`), which the DMMF leaves out. */
function unsupportedColumns(): string[] {
  return [...schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)].flatMap(([, body]) => {
    const table = /@@map\("(\w+)"\)/.exec(body)?.[1];
    return [...body.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?(?:.*@map\("(\w+)"\))?/gm)].map(
      ([, name, type, optional, column]) => `${table}.${column ?? name}: ${type}${optional ?? ''}`,
    );
  });
}

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

async function databaseColumns() {
  const { rows } = await db.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
    SELECT c.table_name, c.column_name, c.is_nullable = 'YES' AS nullable,
           format_type(a.atttypid, a.atttypmod) AS type
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'
       AND t.table_type = 'BASE TABLE'`); // views (the dashboard's count lines) are not models
  return rows.map((row) => ({ ...row, type: row.type.replace(/timestamp\(6\)/, 'timestamp') }));
}

it('has a table for every model and a model for every table', async () => {
  const tables = new Set((await databaseColumns()).map((column) => column.table_name));
  expect([...tables].sort()).toEqual(models.map((model) => model.dbName ?? model.name).sort());
});

it('has the same columns, types and nullability on both sides', async () => {
  const fromDatabase = (await databaseColumns())
    .map((c) => `${c.table_name}.${c.column_name}: ${c.type}${c.nullable ? '?' : ''}`)
    .sort();
  const fromSchema = models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind === 'scalar' || field.kind === 'enum')
        .map((field) => `${model.dbName ?? model.name}.${field.dbName ?? field.name}: ${expectedType(field)}${field.isRequired || field.isList ? '' : '?'}`),
    )
    .concat(unsupportedColumns())
    .sort();
  expect(fromDatabase).toEqual(fromSchema);
});

it('has the same primary keys on both sides', async () => {
  const { rows } = await db.query<{ table_name: string; columns: string[] }>(`
    SELECT tc.table_name, array_agg(k.column_name::text ORDER BY k.ordinal_position) AS columns
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
     WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' AND tc.table_name <> '_prisma_migrations'
     GROUP BY tc.table_name`);
  const fromDatabase = rows.map((row) => `${row.table_name}(${row.columns.join(', ')})`).sort();
  const fromSchema = models
    .map((model) => {
      const column = (name: string) => model.fields.find((f) => f.name === name)!;
      const key = model.primaryKey?.fields ?? model.fields.filter((f) => (f as { isId?: boolean }).isId).map((f) => f.name);
      return `${model.dbName ?? model.name}(${key.map((name) => column(name).dbName ?? name).join(', ')})`;
    })
    .sort();
  expect(fromDatabase).toEqual(fromSchema);
});
