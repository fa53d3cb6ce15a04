import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';

const Id = z.uuid();

/** Path ids are UUIDs; anything else is refused before reaching a query. */
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (Id.safeParse(value).success) return value;
    throw new BadRequestException({ detail: 'Identifiant invalide dans l’adresse.' });
  }
}
