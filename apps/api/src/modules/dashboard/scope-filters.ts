import { Prisma } from '../../generated/prisma/client';

/**
 * The site and agent filters of the dashboard and of the lists exported whole, written once so that
 * a list always holds the rows its chart counts. Each gives `AND …` conditions (or nothing).
 */
export interface ScopeFilters {
  siteId?: string;
  agentId?: string;
}

/** Files (`b`) at the site, or that the agent is referent of. */
export function filesInScope(scope: ScopeFilters, file = Prisma.sql`b`): Prisma.Sql {
  return Prisma.sql`${scope.siteId ? Prisma.sql`AND ${file}.site_id = ${scope.siteId}::uuid` : Prisma.empty}
    ${
      scope.agentId
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM beneficiary_referents r WHERE r.tenant_id = ${file}.tenant_id AND r.beneficiary_id = ${file}.id AND r.membership_id = ${scope.agentId}::uuid)`
        : Prisma.empty
    }`;
}

/** Records of a file (`alias`: procedures, assessments, referrals) whose file is at the site. */
export function ofFileAtSite(scope: ScopeFilters, alias: Prisma.Sql): Prisma.Sql {
  return scope.siteId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM beneficiaries s WHERE s.tenant_id = ${alias}.tenant_id AND s.id = ${alias}.beneficiary_id AND s.site_id = ${scope.siteId}::uuid)`
    : Prisma.empty;
}

/** Appointments (`a`) at the site, with the agent among their agents. */
export function appointmentsInScope(scope: ScopeFilters): Prisma.Sql {
  return Prisma.sql`${scope.siteId ? Prisma.sql`AND a.site_id = ${scope.siteId}::uuid` : Prisma.empty}
    ${
      scope.agentId
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM appointment_agents aa WHERE aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id AND aa.membership_id = ${scope.agentId}::uuid)`
        : Prisma.empty
    }`;
}
