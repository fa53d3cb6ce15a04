import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';

/** What every layer may need to know about the request being served, without passing it around. */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  method: string;
  path: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** The member serving the request, for services behind the auth guard (a bug anywhere else). */
export function currentUser(): AuthUser {
  const user = storage.getStore()?.user;
  if (!user) throw new Error('no authenticated member for this request');
  return user;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** First middleware: gives the request an id (a sane incoming X-Request-Id, else a new one). */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId, ip: req.ip, method: req.method, path: req.path }, next);
}
