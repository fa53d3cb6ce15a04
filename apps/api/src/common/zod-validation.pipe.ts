import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { PROBLEM_TYPES } from '@ccas/shared';
import type { z } from 'zod';

/**
 * Validates a body or query with a shared zod schema. Only failures here are the client's (400);
 * a zod error anywhere else is a server bug and stays a logged 500.
 */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new BadRequestException({
      type: PROBLEM_TYPES.validation,
      title: 'Données invalides',
      detail: 'Certaines données envoyées sont invalides.',
      errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
}
