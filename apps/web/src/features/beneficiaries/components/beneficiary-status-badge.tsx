import { Badge } from '@mantine/core';
import { BENEFICIARY_STATUS_LABELS, type BeneficiaryStatus } from '@ccas/shared';

// Dark shades: white text on them keeps a contrast above 4.5:1 (RGAA 3.2).
const STATUS_COLORS: Record<BeneficiaryStatus, string> = {
  ACTIVE: 'teal.9',
  INACTIVE: 'gray.7',
  ARCHIVED: 'dark.5',
  DECEASED: 'dark.8',
};

export function BeneficiaryStatusBadge({ status }: { status: BeneficiaryStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" tt="none" size="md">
      {BENEFICIARY_STATUS_LABELS[status]}
    </Badge>
  );
}
