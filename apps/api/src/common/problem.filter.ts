import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Problem, PROBLEM_TYPES } from '@ccas/shared';
import { Prisma } from '../generated/prisma/client';
import { EXCLUSION_VIOLATION, FILE_ANONYMISED, FILE_NOT_DUE, isDatabaseError } from './database-error';
import { currentRequest } from './request-context';

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  410: 'Ressource supprimée',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Requête impossible à traiter',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

/** Errors thrown by express's body parser carry a status and a `type`. */
interface BodyParserError {
  status: number;
  type: string;
  expose?: boolean;
}

const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': "Le corps de la requête n'est pas un JSON valide.",
  'entity.too.large': 'Le corps de la requête dépasse la taille autorisée.',
  'encoding.unsupported': "L'encodage du corps de la requête n'est pas pris en charge.",
  'charset.unsupported': "Le jeu de caractères du corps de la requête n'est pas pris en charge.",
  'request.aborted': 'La requête a été interrompue.',
};

/**
 * The one error shape of the API: RFC 9457 problem+json, French messages, never a stack trace nor a
 * value from the request or the database (they may be personal data).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception);
    const request = currentRequest();
    if (request) problem.instance = request.requestId;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="ccas"');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    // Nest wraps express's body-parser errors in an HttpException; their `type` says what went wrong.
    if (exception instanceof HttpException && isBodyParserError(exception.cause)) {
      const { status, type } = exception.cause;
      return {
        type: 'about:blank',
        title: TITLES[status] ?? 'Requête invalide',
        status,
        detail: BODY_PARSER_DETAILS[type] ?? 'La requête est mal formée.',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const given = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : {};
      return {
        type: given.type ?? 'about:blank',
        title: given.title ?? TITLES[status] ?? 'Erreur',
        status,
        detail: typeof given.detail === 'string' ? given.detail : this.defaultDetail(status),
        ...carriedMembers(given),
      };
    }
    // The database refuses any write to an anonymised file (retention), whichever route tried it.
    if (isDatabaseError(exception, FILE_ANONYMISED)) {
      return {
        type: PROBLEM_TYPES.fileAnonymised,
        title: 'Dossier anonymisé',
        status: 410,
        detail: 'Ce dossier a été archivé et anonymisé : il ne peut plus être modifié.',
      };
    }
    // Archiving found, under the file's lock, that the file is not (or no longer) due.
    if (isDatabaseError(exception, FILE_NOT_DUE)) {
      return { type: 'about:blank', title: TITLES[409], status: 409, detail: 'Ce dossier n’est pas (ou plus) à archiver.' };
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      const known = PRISMA_PROBLEMS[exception.code];
      if (known) return { type: 'about:blank', title: TITLES[known.status], ...known };
      // Codes Prisma leaves unmapped: an exclusion constraint not answered more precisely by its module.
      if (isDatabaseError(exception, EXCLUSION_VIOLATION)) {
        return { type: 'about:blank', title: TITLES[409], status: 409, detail: 'Cet enregistrement chevauche un autre déjà enregistré.' };
      }
    }
    // Unexpected: log the kind and where, never the message (it may quote personal data).
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const code = (error as { code?: unknown }).code;
    const frames = error.stack?.split('\n').slice(1, 6).join('\n') ?? '';
    this.logger.error(`${error.name}${code ? ` (${String(code)})` : ''} on request ${currentRequest()?.requestId ?? '-'}\n${frames}`);
    return { type: 'about:blank', title: TITLES[500], status: 500, detail: 'Une erreur inattendue est survenue. Réessayez plus tard.' };
  }

  private defaultDetail(status: number): string {
    if (status === 404) return "Aucune ressource n'existe à cette adresse.";
    return TITLES[status] ?? 'Erreur';
  }
}

const PRISMA_PROBLEMS: Record<string, { status: number; detail: string }> = {
  P2002: { status: 409, detail: 'Cet enregistrement existe déjà.' },
  P2025: { status: 404, detail: "Cet enregistrement n'existe pas." },
  P2003: { status: 409, detail: 'Cet enregistrement est lié à un autre qui n’existe pas ou plus.' },
  P2000: { status: 400, detail: 'Une valeur est trop longue.' },
  // No database connection freed up in time: the API is overloaded, the request can be retried.
  P2028: { status: 503, detail: 'Le service est momentanément surchargé. Réessayez dans quelques instants.' },
};

/**
 * Members a thrown problem may carry beyond the standard ones: field `errors` and the extension
 * members the shared Problem schema declares (`duplicates`, `conflicts`…). Anything else in an
 * exception's body (Nest's own `message`, `statusCode`) is dropped.
 */
const CARRIED = Object.keys(Problem.shape).filter((key) => !['type', 'title', 'status', 'detail', 'instance'].includes(key)) as (keyof Problem)[];

function carriedMembers(given: Partial<Problem>): Partial<Problem> {
  return Object.fromEntries(CARRIED.filter((key) => given[key] !== undefined && given[key] !== null).map((key) => [key, given[key]]));
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}
