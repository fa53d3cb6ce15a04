import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { currentRequest } from '../common/request-context';
import { TenantDb } from '../tenancy/tenant-db.service';
import { type Access, ACCESS_KEY } from './access.decorator';
import { AuthService } from './auth.service';
import { IdentityProviderUnavailableError, InvalidTokenError, TokenVerifier } from './token-verifier';

const UNAUTHORIZED_DETAIL: Record<InvalidTokenError['reason'], string> = {
  missing_token: 'Authentification requise : aucun jeton d’accès fourni.',
  expired_token: 'Votre session a expiré : reconnectez-vous.',
  invalid_token: 'Jeton d’accès invalide.',
};

/**
 * Global guard: every route is closed unless it declares its access (@Public, @Authenticated,
 * @Requires). Denied requests are recorded: in the tenant's audit trail when the member is known,
 * as a security event otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly tenantDb: TenantDb,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (access?.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request>();
    const identity = await this.verifier.verify(request.header('authorization')).catch(async (error: unknown) => {
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ServiceUnavailableException({ detail: "Le service d'authentification est momentanément injoignable." });
      }
      if (!(error instanceof InvalidTokenError)) throw error;
      await this.audit.recordSecurityEvent(error.reason);
      throw new UnauthorizedException({ detail: UNAUTHORIZED_DETAIL[error.reason] });
    });
    const user = await this.auth.authenticate(identity);
    const requestContext = currentRequest();
    if (requestContext) requestContext.user = user;

    if (access?.kind === 'member') return true;
    if (access?.kind === 'permission' && access.anyOf.some((permission) => user.permissions.includes(permission))) return true;

    const permission = access?.kind === 'permission' ? access.anyOf.join(' | ') : 'undeclared-route';
    await this.tenantDb.forTenant(user.tenantId, (tx) =>
      this.audit.record(tx, { action: 'denied', details: { permission, method: request.method, path: request.path } }, user),
    );
    throw new ForbiddenException({ detail: "Vous n'avez pas les droits nécessaires pour cette action." });
  }
}
