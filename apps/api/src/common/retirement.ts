/**
 * The `retiredAt` change asked of a catalogue-like entry (motif, partner, catalogue entry): none when
 * `retired` is not sent, the first retirement instant kept when retired again, cleared when restored.
 */
export const retirement = (retired: boolean | undefined, current: Date | null): { retiredAt?: Date | null } =>
  retired === undefined ? {} : { retiredAt: retired ? (current ?? new Date()) : null };
