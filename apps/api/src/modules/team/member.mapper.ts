import { type ManagedMember, MemberStatus, Role, type TeamMember } from '@ccas/shared';
import type { Prisma } from '../../generated/prisma/client';

/** What a membership row must carry to be shown to the administrator. */
export const MANAGED_MEMBER_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  roles: true,
  email: true,
  subject: true,
  active: true,
  lastLoginAt: true,
  sites: { select: { site: { select: { id: true, name: true } } }, orderBy: { site: { name: 'asc' } } },
} as const satisfies Prisma.MembershipSelect;

type ManagedRow = Prisma.MembershipGetPayload<{ select: typeof MANAGED_MEMBER_SELECT }>;

/** Invited until the first login links an identity-provider subject; deactivation wins over both. */
export const memberStatus = (row: { active: boolean; subject: string | null }): MemberStatus =>
  !row.active ? 'DEACTIVATED' : row.subject === null ? 'INVITED' : 'ACTIVE';

export const toTeamMember = (row: Pick<ManagedRow, 'id' | 'firstName' | 'lastName' | 'roles'>): TeamMember => ({
  id: row.id,
  firstName: row.firstName,
  lastName: row.lastName,
  roles: Role.array().parse(row.roles),
});

export const toManagedMember = (row: ManagedRow): ManagedMember => ({
  ...toTeamMember(row),
  email: row.email,
  status: memberStatus(row),
  sites: row.sites.map(({ site }) => site),
  lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
});
