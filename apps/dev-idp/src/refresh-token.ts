/**
 * keycloak-js reads the expiry of the refresh token by decoding it as a JWT. oidc-provider issues
 * opaque refresh tokens, so the provider hands them out inside an unsigned JWT-shaped envelope and
 * takes the opaque value back out when the token is presented. The envelope grants nothing by itself.
 */
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function wrapRefreshToken(opaque: string, ttlSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ typ: 'Refresh', iat: now, exp: now + ttlSeconds, rt: opaque })}.envelope`;
}

export function unwrapRefreshToken(token: string): string {
  const [, payload] = token.split('.');
  if (!payload) return token;
  try {
    const { rt } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { rt?: unknown };
    return typeof rt === 'string' ? rt : token;
  } catch {
    return token;
  }
}
