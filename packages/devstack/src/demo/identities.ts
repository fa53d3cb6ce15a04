import { createHash } from 'node:crypto';
import type { DevIdpAccount } from '@ccas/dev-idp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';

/** A stable, UUID-shaped subject per demo email, like the ids Keycloak gives its users. */
export function demoSubject(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const identities: DevIdpAccount[] = DEMO_ACCOUNTS.map((account) => ({
  subject: demoSubject(account.email),
  email: account.email,
  firstName: account.firstName,
  lastName: account.lastName,
}));

/** The demo people as the development identity provider knows them. */
export const demoIdentityStore = {
  async authenticate(username: string, password: string) {
    const identity = identities.find((candidate) => candidate.email === username.toLowerCase());
    return identity && password === DEMO_PASSWORD ? identity : undefined;
  },
  async findAccount(subject: string) {
    return identities.find((candidate) => candidate.subject === subject);
  },
};
