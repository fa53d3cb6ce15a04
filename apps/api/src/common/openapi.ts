import { z } from 'zod';

/** An OpenAPI response body from a shared zod schema (the output side, after transforms). */
export const responseOf = (type: z.ZodType) => ({
  schema: z.toJSONSchema(type, { io: 'output', unrepresentable: 'any' }) as object,
});
