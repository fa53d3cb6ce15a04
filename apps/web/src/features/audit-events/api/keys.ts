import type { AuditEventFilters } from './list-audit-events';

/** Query keys of the audit viewer. */
export const auditEventKeys = {
  all: ['audit-events'] as const,
  list: (filters: AuditEventFilters) => [...auditEventKeys.all, 'list', filters] as const,
  verification: () => [...auditEventKeys.all, 'verification'] as const,
};
