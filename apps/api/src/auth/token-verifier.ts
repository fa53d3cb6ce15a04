import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { API_CONFIG, type ApiConfig } from '../config';

export interface VerifiedIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  sessionId: string | undefined;
  /** Keycloak's `tenant` claim, used to choose among several memberships. */
  tenantHint: string | undefined;
}

/** The identity provider's signing keys could not be fetched: not the caller's fault. */
export class IdentityProviderUnavailableError extends Error {}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'missing_token' | 'expired_token' | 'invalid_token') {
    super(reason);
  }
}

/** Verifies OIDC access tokens: JWKS signature, issuer, audience, expiry and an algorithm allow-list. */
@Injectable()
export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.jwks = createRemoteJWKSet(new URL(config.oidc.jwksUrl), { cooldownDuration: 30_000 });
  }

  async verify(authorization: string | undefined): Promise<VerifiedIdentity> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
    if (!match) throw new InvalidTokenError('missing_token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.jwks, {
        issuer: this.config.oidc.issuer,
        audience: this.config.oidc.audience,
        algorithms: this.config.oidc.algorithms,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired_token');
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError) || /Key Set HTTP response/.test(error.message)) {
        throw new IdentityProviderUnavailableError('signing keys unavailable');
      }
      throw new InvalidTokenError('invalid_token');
    }
    // Keycloak signs ID, refresh and logout tokens with the same keys: only access tokens open the API.
    if (typeof payload.typ === 'string' && payload.typ !== 'Bearer') throw new InvalidTokenError('invalid_token');
    const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
    return {
      subject: payload.sub!,
      email: claim('email'),
      emailVerified: payload.email_verified === true,
      sessionId: claim('sid'),
      tenantHint: claim('tenant'),
    };
  }
}
