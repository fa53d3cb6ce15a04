import type { Role } from '@ccas/shared';

/**
 * The fixed demo data every reviewer can script against (README, "Demo accounts").
 * keycloak/realm-ccas.json holds the same people for the docker-compose stack; a test keeps both equal.
 */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_TENANTS = [
  {
    id: '019ac000-0000-7000-8000-000000000001',
    name: 'CCAS de Villeneuve',
    inseeCode: '94078',
    siret: '26940078900017',
    sites: [
      { id: '019ac000-0000-7000-8000-000000000101', name: 'Hôtel de ville', address: '1 place de la Mairie, 94290 Villeneuve' },
      { id: '019ac000-0000-7000-8000-000000000102', name: 'Antenne Nord', address: '12 rue des Lilas, 94290 Villeneuve' },
    ],
  },
  {
    id: '019ac000-0000-7000-8000-000000000002',
    name: 'CIAS du Val',
    inseeCode: '38563',
    siret: '20003845600015',
    sites: [{ id: '019ac000-0000-7000-8000-000000000201', name: 'France Services du Val', address: '3 avenue du Val, 38000 Val' }],
  },
] as const;

export interface DemoAccount {
  email: string;
  firstName: string;
  lastName: string;
  tenantId: string;
  roles: Role[];
  siteIds: string[];
}

const [villeneuve, val] = DEMO_TENANTS;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'accueil@villeneuve.test', firstName: 'Sophie', lastName: 'Martin', tenantId: villeneuve.id, roles: ['ACCUEIL'], siteIds: [villeneuve.sites[0].id] },
  { email: 'agent@villeneuve.test', firstName: 'Camille', lastName: 'Durand', tenantId: villeneuve.id, roles: ['AGENT'], siteIds: [villeneuve.sites[0].id] },
  { email: 'agent2@villeneuve.test', firstName: 'Karim', lastName: 'Benali', tenantId: villeneuve.id, roles: ['AGENT'], siteIds: [villeneuve.sites[1].id] },
  { email: 'manager@villeneuve.test', firstName: 'Hélène', lastName: 'Lefèvre', tenantId: villeneuve.id, roles: ['MANAGER'], siteIds: villeneuve.sites.map((s) => s.id) },
  { email: 'admin@villeneuve.test', firstName: 'Julien', lastName: 'Moreau', tenantId: villeneuve.id, roles: ['ADMIN'], siteIds: [] },
  { email: 'agent@val.test', firstName: 'Nadia', lastName: 'Rousseau', tenantId: val.id, roles: ['AGENT'], siteIds: [val.sites[0].id] },
  { email: 'manager@val.test', firstName: 'Paul', lastName: 'Girard', tenantId: val.id, roles: ['MANAGER'], siteIds: [val.sites[0].id] },
];
