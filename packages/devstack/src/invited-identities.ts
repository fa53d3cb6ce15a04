import { randomUUID, scrypt, timingSafeEqual, randomBytes, type ScryptOptions } from 'node:crypto';
import type { DevIdpAccount, DevIdpEnrolment, DevIdpOptions } from '@ccas/dev-idp';
import pg from 'pg';
import { DEMO_ACCOUNTS } from './demo/accounts';
import { demoIdentityStore } from './demo/identities';

/**
 * The people the development identity provider knows: the demo accounts, and the accounts invited
 * people create at their first login (password chosen then). The latter live in the schema `dev_idp`
 * of the product's database, created here — a stand-in for Keycloak's own user store, not part of
 * the product's schema: the API's role has no right on it.
 */
export interface DevIdentityStore extends Pick<DevIdpOptions, 'authenticate' | 'findAccount'> {
  enrolment: DevIdpEnrolment;
  close(): Promise<void>;
}

const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS dev_idp;
  REVOKE ALL ON SCHEMA dev_idp FROM PUBLIC;
  CREATE TABLE IF NOT EXISTS dev_idp.accounts (
    subject        uuid PRIMARY KEY,
    email          text NOT NULL UNIQUE CHECK (email = lower(email)),
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    password_hash  text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
  );`;

interface AccountRow {
  subject: string;
  email: string;
  first_name: string;
  last_name: string;
  password_hash: string;
}

const DEMO_EMAILS = new Set(DEMO_ACCOUNTS.map((account) => account.email.toLowerCase()));
const normalise = (email: string) => email.trim().toLowerCase();
const toAccount = (row: AccountRow): DevIdpAccount => ({ subject: row.subject, email: row.email, firstName: row.first_name, lastName: row.last_name });

/** Opens the store on the database owner's connection (it reads invitations across tenants). */
export async function devIdentityStore(ownerUrl: string): Promise<DevIdentityStore> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 4 });
  try {
    await pool.query(SCHEMA);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const accountByEmail = async (email: string) =>
    (await pool.query<AccountRow>('SELECT * FROM dev_idp.accounts WHERE email = $1', [normalise(email)])).rows[0];

  /** An active membership waiting for its first login, in any tenant, for this email. */
  const invitation = async (client: pg.Pool | pg.PoolClient, email: string) =>
    (
      await client.query<{ first_name: string; last_name: string }>(
        `SELECT first_name, last_name FROM public.memberships
          WHERE email = $1::public.citext AND subject IS NULL AND active
          ORDER BY created_at LIMIT 1`,
        [normalise(email)],
      )
    ).rows[0];

  const isPending = async (email: string) =>
    !DEMO_EMAILS.has(normalise(email)) && !(await accountByEmail(email)) && (await invitation(pool, email)) !== undefined;

  return {
    async authenticate(username, password) {
      const demo = await demoIdentityStore.authenticate(username, password);
      if (demo || DEMO_EMAILS.has(normalise(username))) return demo;
      const row = await accountByEmail(username);
      return row && (await passwordMatches(password, row.password_hash)) ? toAccount(row) : undefined;
    },
    async findAccount(subject) {
      const demo = await demoIdentityStore.findAccount(subject);
      if (demo) return demo;
      if (!/^[0-9a-f-]{36}$/i.test(subject)) return undefined;
      const row = (await pool.query<AccountRow>('SELECT * FROM dev_idp.accounts WHERE subject = $1', [subject])).rows[0];
      return row && toAccount(row);
    },
    enrolment: {
      isPending,
      async enrol(email, password) {
        if (!(await isPending(email))) return undefined;
        const invited = await invitation(pool, email);
        if (!invited) return undefined;
        const { rows } = await pool.query<AccountRow>(
          `INSERT INTO dev_idp.accounts (subject, email, first_name, last_name, password_hash)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING *`,
          [randomUUID(), normalise(email), invited.first_name, invited.last_name, await hashPassword(password)],
        );
        return rows[0] && toAccount(rows[0]);
      },
    },
    close: () => pool.end(),
  };
}

// scrypt, as OWASP suggests for a password store without extra dependencies: N=2^15, r=8, p=1.
const SCRYPT: ScryptOptions = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
