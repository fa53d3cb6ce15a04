/**
 * Every write to a file carries the version it was based on; the API refuses it when someone else
 * changed the file since (409 `stale-version`). Sections are edited independently, so a form opened
 * before the user saved another section of the same file holds an older version although nobody
 * else wrote. The user's own successful writes are remembered here (from → to), so that such a form
 * sends the version that follows them, while a change made by someone else is still refused.
 */
const ownWrites = new Map<string, Map<number, number>>();

export function recordOwnWrite(beneficiaryId: string, from: number, to: number): void {
  if (from === to) return;
  let writes = ownWrites.get(beneficiaryId);
  if (!writes) ownWrites.set(beneficiaryId, (writes = new Map()));
  writes.set(from, to);
}

/** The version to send for a form opened on `base`, following the user's own writes since. */
export function versionToSend(beneficiaryId: string, base: number): number {
  const writes = ownWrites.get(beneficiaryId);
  let version = base;
  for (let guard = 0; writes?.has(version) && guard < 1000; guard++) version = writes.get(version)!;
  return version;
}
