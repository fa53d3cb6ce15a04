/** The API's configuration, read once from the environment (README, "Configuration"). */
export interface ApiConfig {
  port: number;
  /** Connection string of the app role (no BYPASSRLS, owns nothing). */
  databaseUrl: string;
  oidc: {
    issuer: string;
    audience: string;
    jwksUrl: string;
    algorithms: string[];
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const issuer = env.OIDC_ISSUER ?? `http://localhost:${env.IDP_PORT ?? 8080}/realms/ccas`;
  const databaseUrl = env.APP_DATABASE_URL;
  if (!databaseUrl) throw new Error('APP_DATABASE_URL is not set: the API needs the app role connection string');
  return {
    port: Number(env.API_PORT ?? 3000),
    databaseUrl,
    oidc: {
      issuer,
      audience: env.OIDC_AUDIENCE ?? 'ccas-api',
      jwksUrl: env.OIDC_JWKS_URL ?? `${issuer}/protocol/openid-connect/certs`,
      algorithms: (env.OIDC_ALGORITHMS ?? 'RS256,PS256,ES256').split(','),
    },
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
