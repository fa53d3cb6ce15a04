import { z } from 'zod';
import { enumOf, requiredText, optionalText } from './fields.js';
import { Site } from './me.js';
import { PageQuery, QueryFlag } from './pagination.js';
import { Role } from './roles.js';

// The tenant's team (memberships) and sites, as every member sees them and as the ADMIN keeps them.

/** Where a membership stands: invited (never logged in yet), active, or deactivated. */
export const MEMBER_STATUS_LABELS = {
  INVITED: 'Invité·e',
  ACTIVE: 'Actif·ve',
  DEACTIVATED: 'Désactivé·e',
} as const;
export const MemberStatus = enumOf(MEMBER_STATUS_LABELS);
export type MemberStatus = z.infer<typeof MemberStatus>;

/**
 * A colleague as the rest of the team sees them (referent pickers, filters). The management fields
 * (email, status, sites, last login) are given to the tenant's administrator (`users:manage`) only.
 */
export const TeamMember = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(Role),
  email: z.string().optional(),
  status: MemberStatus.optional(),
  sites: z.array(Site).optional(),
  lastLoginAt: z.iso.datetime().nullable().optional(),
});
export type TeamMember = z.infer<typeof TeamMember>;

/** A member as the administration screen shows them: every management field present. */
export const ManagedMember = TeamMember.required({ email: true, status: true, sites: true, lastLoginAt: true });
export type ManagedMember = z.infer<typeof ManagedMember>;

export const TeamQuery = PageQuery.extend({
  /** Deactivated members too: the administration screen (`users:manage`) and the audit filters (`audit:read`, names only). */
  includeInactive: QueryFlag.optional(),
});
export type TeamQuery = z.infer<typeof TeamQuery>;

/** An email as typed in a form, compared without regard to case (the database column is citext). */
const MemberEmail = z
  .string()
  .trim()
  .max(254, { message: 'L’adresse e-mail ne peut pas dépasser 254 caractères.' })
  .pipe(z.email({ message: 'Adresse e-mail invalide.' }))
  .transform((value) => value.toLowerCase());

const MemberRoles = z
  .array(Role)
  .min(1, { message: 'Choisissez au moins un rôle.' })
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'Un rôle est répété.' });

const MemberSiteIds = z
  .array(z.uuid())
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Un site est répété.' });

const memberNames = { firstName: requiredText(100), lastName: requiredText(100) };

/** POST /users: invites a person by email; they join at their first login with that (verified) email. */
export const InviteMemberInput = z.strictObject({ email: MemberEmail, ...memberNames, roles: MemberRoles, siteIds: MemberSiteIds });
export type InviteMemberInput = z.input<typeof InviteMemberInput>;

/** PATCH /users/:id: roles, sites and names replaced as given; `active: false` deactivates, `true` reactivates. */
export const UpdateMemberInput = z
  .strictObject({ ...memberNames, roles: MemberRoles, siteIds: MemberSiteIds, active: z.boolean() })
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'Indiquez au moins une modification.' });
export type UpdateMemberInput = z.input<typeof UpdateMemberInput>;

export const SiteDetail = z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() });
export type SiteDetail = z.infer<typeof SiteDetail>;

const siteShape = { name: requiredText(150), address: optionalText(300) };

/** POST /sites: a new site (antenne, pôle, France Services desk). */
export const SiteInput = z.strictObject(siteShape);
export type SiteInput = z.input<typeof SiteInput>;

/** PATCH /sites/:id: renames a site or changes its address. */
export const UpdateSiteInput = z
  .strictObject(siteShape)
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'Indiquez au moins une modification.' });
export type UpdateSiteInput = z.input<typeof UpdateSiteInput>;
