import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { demoSubject } from './identities';

interface RealmUser {
  id: string;
  username: string;
  email: string;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
  attributes: { tenant: string[] };
  credentials: { type: string; value: string; temporary: boolean }[];
  realmRoles: string[];
}

const realm = JSON.parse(fs.readFileSync(path.join(repoRoot, 'keycloak/realm-ccas.json'), 'utf8')) as {
  realm: string;
  users: RealmUser[];
  clients: { clientId: string; publicClient?: boolean; attributes?: Record<string, string>; protocolMappers?: { protocolMapper: string; config: Record<string, string> }[] }[];
};

/** docker-compose's Keycloak must know the same people as the development identity provider. */
describe('keycloak/realm-ccas.json', () => {
  it('holds exactly the demo accounts, with the same subjects, names, tenants and password', () => {
    const fromRealm = realm.users
      .map((user) => ({
        id: user.id,
        email: user.email,
        username: user.username,
        verified: user.emailVerified,
        name: `${user.firstName} ${user.lastName}`,
        tenant: user.attributes.tenant[0],
        roles: user.realmRoles,
        password: user.credentials.find((c) => c.type === 'password' && !c.temporary)?.value,
      }))
      .sort((a, b) => a.email.localeCompare(b.email));
    const fromDemo = DEMO_ACCOUNTS.map((account) => ({
      id: demoSubject(account.email),
      email: account.email,
      username: account.email,
      verified: true,
      name: `${account.firstName} ${account.lastName}`,
      tenant: account.tenantId,
      roles: account.roles,
      password: DEMO_PASSWORD,
    })).sort((a, b) => a.email.localeCompare(b.email));
    expect(fromRealm).toEqual(fromDemo);
  });

  it('has the public PKCE web client with an audience mapper for the API', () => {
    const web = realm.clients.find((client) => client.clientId === 'ccas-web');
    expect(realm.realm).toBe('ccas');
    expect(web?.publicClient).toBe(true);
    expect(web?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    const audience = web?.protocolMappers?.find((mapper) => mapper.protocolMapper === 'oidc-audience-mapper');
    expect(audience?.config['included.client.audience']).toBe('ccas-api');
  });
});
