import type { Permission } from '@ccas/shared';

export interface NavigationEntry {
  path: string;
  label: string;
  /** Shown when the member holds any of these permissions; always shown when empty. */
  anyOf: Permission[];
}

/** The main navigation, filtered by the member's permissions (the same map the API enforces). */
export const NAVIGATION: NavigationEntry[] = [
  { path: '/', label: 'Accueil', anyOf: [] },
  { path: '/personnes', label: 'Personnes accompagnées', anyOf: ['beneficiary:search'] },
  { path: '/agenda', label: 'Agenda', anyOf: ['appointment:read'] },
  { path: '/demarches', label: 'Démarches', anyOf: ['procedure:read', 'procedure:write-orientation'] },
  { path: '/tableau-de-bord', label: 'Tableau de bord', anyOf: ['dashboard:read', 'dashboard:personal'] },
  { path: '/journal-audit', label: "Journal d'audit", anyOf: ['audit:read'] },
  // Demonstration only: the reminders are kept in an outbox instead of leaving (NOTIFICATIONS_PROVIDER=outbox).
  { path: '/messages-envoyes', label: 'Messages envoyés (démo)', anyOf: ['appointment:read', 'settings:manage'] },
  { path: '/archivage', label: 'Archivage', anyOf: ['retention:review'] },
  { path: '/administration', label: 'Administration', anyOf: ['users:manage', 'catalogues:manage'] },
];

export const visibleEntries = (permissions: readonly Permission[]) =>
  NAVIGATION.filter((entry) => entry.anyOf.length === 0 || entry.anyOf.some((p) => permissions.includes(p)));
