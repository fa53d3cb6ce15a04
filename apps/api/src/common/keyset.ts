/**
 * Keyset condition for lists read newest first on (a time field, id): the rows that come after the
 * cursor's row. Ties on the instant are broken by id, like the lists' ORDER BY.
 */
export const after = <F extends string>(field: F, cursor: { at: string; id: string } | undefined) =>
  cursor ? { OR: [{ [field]: { lt: new Date(cursor.at) } }, { [field]: new Date(cursor.at), id: { lt: cursor.id } }] } : {};

/** Keyset condition for lists read oldest first on (a time field, id): the rows after the cursor's. */
export const afterAscending = <F extends string>(field: F, cursor: { at: string; id: string } | undefined) =>
  cursor ? { OR: [{ [field]: { gt: new Date(cursor.at) } }, { [field]: new Date(cursor.at), id: { gt: cursor.id } }] } : {};

/** Keyset condition for lists read by name on (a name field, id): the rows after the cursor's. */
export const afterName = <F extends string>(field: F, cursor: { name: string; id: string } | undefined) =>
  cursor ? { OR: [{ [field]: { gt: cursor.name } }, { [field]: cursor.name, id: { gt: cursor.id } }] } : {};
