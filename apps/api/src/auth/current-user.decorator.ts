import { createParamDecorator } from '@nestjs/common';
import { currentRequest } from '../common/request-context';
import type { AuthUser } from './auth-user';

/** The authenticated member of the request (set by AuthGuard). */
export const CurrentUser = createParamDecorator((): AuthUser => {
  const user = currentRequest()?.user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
