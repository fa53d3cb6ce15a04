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
  /** Where the API is reached from outside (calendar subscription addresses are built on it). */
  publicUrl: string;
  /** Background jobs (reminders): off in tests unless a test starts them. */
  jobs: { enabled: boolean };
  /**
   * How messages to people leave. Only `outbox` exists so far: messages are written to the
   * `outbox_messages` table (and listed by GET /dev/outbox) instead of being sent. A real mail
   * server or SMS gateway is a new provider chosen here.
   */
  notifications: { provider: NotificationProvider };
}

export const NOTIFICATION_PROVIDERS = ['outbox'] as const;
export type NotificationProvider = (typeof NOTIFICATION_PROVIDERS)[number];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const issuer = env.OIDC_ISSUER ?? `http://localhost:${env.IDP_PORT ?? 8080}/realms/ccas`;
  const databaseUrl = env.APP_DATABASE_URL;
  if (!databaseUrl) throw new Error('APP_DATABASE_URL is not set: the API needs the app role connection string');
  const port = Number(env.API_PORT ?? 3000);
  const provider = env.NOTIFICATIONS_PROVIDER ?? 'outbox';
  if (!NOTIFICATION_PROVIDERS.includes(provider as NotificationProvider)) {
    throw new Error(`NOTIFICATIONS_PROVIDER must be one of: ${NOTIFICATION_PROVIDERS.join(', ')}`);
  }
  return {
    port,
    databaseUrl,
    oidc: {
      issuer,
      audience: env.OIDC_AUDIENCE ?? 'ccas-api',
      jwksUrl: env.OIDC_JWKS_URL ?? `${issuer}/protocol/openid-connect/certs`,
      algorithms: (env.OIDC_ALGORITHMS ?? 'RS256,PS256,ES256').split(','),
    },
    publicUrl: (env.PUBLIC_API_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    jobs: { enabled: env.JOBS_ENABLED !== 'false' },
    notifications: { provider: provider as NotificationProvider },
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
