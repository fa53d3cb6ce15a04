import { Badge } from '@mantine/core';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '@ccas/shared';

const COLORS: Record<MemberStatus, string> = { INVITED: 'blue', ACTIVE: 'teal', DEACTIVATED: 'gray' };

/** Invited (never logged in yet), active or deactivated. */
export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return (
    <Badge variant="light" tt="none" color={COLORS[status]}>
      {MEMBER_STATUS_LABELS[status]}
    </Badge>
  );
}
