import { z } from 'zod';
import { PageQuery } from './pagination.js';

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'login', 'denied'] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);

export const AuditEventQuery = PageQuery.extend({
  action: AuditAction.optional(),
  actorId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

export const AuditEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: AuditAction,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Result of checking a tenant's hash chain: intact, or the first broken link. */
export const AuditChainVerification = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.uuid(), reason: z.enum(['missing_event', 'broken_link', 'altered_event']) })
    .nullable(),
});
export type AuditChainVerification = z.infer<typeof AuditChainVerification>;
