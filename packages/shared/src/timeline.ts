import { z } from 'zod';
import { Appointment } from './appointments.js';
import { DigitalAssessment } from './digital-assessments.js';
import { Interview } from './interviews.js';
import { PageQuery } from './pagination.js';
import { Procedure } from './procedures.js';
import { Referral } from './referrals.js';

/** Everything that happened in a file, newest first; appointments at their start (planned ones ahead). */
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interview'), id: z.uuid(), occurredAt: z.iso.datetime(), interview: Interview }),
  z.object({ kind: z.literal('procedure'), id: z.uuid(), occurredAt: z.iso.datetime(), procedure: Procedure }),
  z.object({ kind: z.literal('assessment'), id: z.uuid(), occurredAt: z.iso.datetime(), assessment: DigitalAssessment }),
  z.object({ kind: z.literal('referral'), id: z.uuid(), occurredAt: z.iso.datetime(), referral: Referral }),
  z.object({ kind: z.literal('appointment'), id: z.uuid(), occurredAt: z.iso.datetime(), appointment: Appointment }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelineQuery = PageQuery;
export type TimelineQuery = z.infer<typeof TimelineQuery>;
