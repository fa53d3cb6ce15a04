/** Query keys of the procedures ("démarches"). */
export const procedureKeys = {
  all: ['procedures'] as const,
  /** The signed-in agent's open procedures waiting for documents or a follow-up. */
  toDo: () => [...procedureKeys.all, 'to-do'] as const,
};
