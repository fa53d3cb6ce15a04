import { type AuthUser } from '../../auth/auth-user';
import { can, type FollowUpAction, type Interview } from '@ccas/shared';
import type { Prisma } from '../../generated/prisma/client';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';

/** An interview with its author and its note — row-level security leaves the note out for other readers when private. */
export const interviewInclude = {
  author: { select: { id: true, firstName: true, lastName: true } },
  note: { select: { visibility: true, body: true } },
} as const satisfies Prisma.InterviewInclude;

export type InterviewRow = Prisma.InterviewGetPayload<{ include: typeof interviewInclude }>;

/** What the reader may change: all of their own interview; the shared fields of others' as a manager. */
export function editableBy(row: { authorId: string }, user: AuthUser): Interview['editable'] {
  if (row.authorId === user.membershipId && can(user, 'interview:write')) return 'all';
  return can(user, 'interview:edit-shared') ? 'shared' : 'none';
}

export function toInterview(row: InterviewRow, user: AuthUser): Interview {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    version: row.version,
    author: toPersonRef(row.author),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel as Interview['channel'],
    durationMinutes: row.durationMinutes,
    themes: row.themes,
    summary: row.summary,
    note: row.note?.body ?? null,
    noteVisibility: (row.note?.visibility as Interview['noteVisibility']) ?? null,
    followUpActions: row.followUpActions as FollowUpAction[],
    editable: editableBy(row, user),
  };
}
