import { z } from 'zod';
import { BusySlot } from './appointments.js';

/** RFC 9457 problem details: the one error shape of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With `possibleDuplicates`: the existing files that look like the person being created. */
  duplicates: z.array(z.object({ id: z.uuid(), fileNumber: z.number().int(), name: z.string(), birthDate: z.string().nullable() })).optional(),
  /** With `slotTaken`: the agents' slots the requested time meets (no beneficiary data). */
  conflicts: z.array(BusySlot).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Stable problem types the web reacts to. */
export const PROBLEM_TYPES = {
  noMembership: 'urn:ccas:problem:no-membership',
  inactiveMembership: 'urn:ccas:problem:inactive-membership',
  validation: 'urn:ccas:problem:validation',
  /** The record changed since the client read it: reload, then redo the change. */
  staleVersion: 'urn:ccas:problem:stale-version',
  possibleDuplicates: 'urn:ccas:problem:possible-duplicates',
  /** An agent is already taken (appointment or absence) at the requested time: see `conflicts`. */
  slotTaken: 'urn:ccas:problem:slot-taken',
  /** The file was anonymised by retention: it can be read, never changed again. */
  fileAnonymised: 'urn:ccas:problem:file-anonymised',
} as const;
