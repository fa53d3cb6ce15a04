/** Query keys of the tenant's directory of partners, as its administrator keeps it. */
export const partnerKeys = {
  all: ['partners'] as const,
  list: () => [...partnerKeys.all, 'list'] as const,
};
