import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a body or query with a shared zod schema; the ProblemFilter turns failures into 400. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    return this.schema.parse(value);
  }
}
