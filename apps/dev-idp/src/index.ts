import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { loginPage, logoutPage, messagePage, setPasswordPage } from './pages.js';
import { passwordProblem } from './password.js';
import { unwrapRefreshToken, wrapRefreshToken } from './refresh-token.js';

/**
 * A development OpenID Connect provider that looks like Keycloak from the outside: realm paths,
 * endpoint names, login form ids, RS256 JWT access tokens with the API audience, JWT-shaped refresh
 * tokens. keycloak-js and the API use it exactly as they use Keycloak (docs/decisions/004-identity.md).
 */

export interface DevIdpAccount {
  subject: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface DevIdpOptions {
  port: number;
  /** Public base URL, e.g. http://localhost:8080 (the issuer is `${baseUrl}/realms/${realm}`). */
  baseUrl: string;
  realm?: string;
  clientId?: string;
  /** Audience of the access tokens: the API's client id in Keycloak. */
  audience?: string;
  /** Origins of the web app, allowed as redirect targets and for CORS. */
  webOrigins: string[];
  accessTokenTtlSeconds?: number;
  /** Checks a username and password; returns the account or undefined. */
  authenticate(username: string, password: string): Promise<DevIdpAccount | undefined>;
  findAccount(subject: string): Promise<DevIdpAccount | undefined>;
  /** When given, people invited in the product choose their password at their first login. */
  enrolment?: DevIdpEnrolment;
}

/**
 * Accounts created at first login, standing in for the accounts an administrator creates in
 * Keycloak in production (docs/decisions/010-team-administration.md).
 */
export interface DevIdpEnrolment {
  /** Whether `email` may create its account now: invited in the product, no account yet. */
  isPending(email: string): Promise<boolean>;
  /** Creates the account with this password; undefined when it is no longer pending. */
  enrol(email: string, password: string): Promise<DevIdpAccount | undefined>;
}

export { passwordProblem } from './password.js';

export interface DevIdp {
  issuer: string;
  close(): Promise<void>;
}

const REFRESH_TOKEN_TTL = 8 * 3600;
// Keycloak has no resource indicators; this one only exists inside the provider.
const API_RESOURCE = 'urn:ccas:api';

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const realm = options.realm ?? 'ccas';
  const prefix = `/realms/${realm}`;
  const issuer = `${options.baseUrl}${prefix}`;
  const clientId = options.clientId ?? 'ccas-web';
  const audience = options.audience ?? 'ccas-api';
  const loginPath = `${prefix}/login-actions/authenticate`;
  const tokenPath = '/protocol/openid-connect/token';
  const userinfoPath = '/protocol/openid-connect/userinfo';
  const scope = 'openid profile email';

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'dev-rs256', use: 'sig', alg: 'RS256' };

  const claimsOf = (account: DevIdpAccount) => ({
    sub: account.subject,
    email: account.email,
    email_verified: true,
    name: `${account.firstName} ${account.lastName}`,
    given_name: account.firstName,
    family_name: account.lastName,
    preferred_username: account.email,
  });

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.webOrigins.map((origin) => `${origin}/`),
        post_logout_redirect_uris: options.webOrigins.map((origin) => `${origin}/`),
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    findAccount: async (_ctx, subject) => {
      const account = await options.findAccount(subject);
      return account && { accountId: subject, claims: async () => claimsOf(account) };
    },
    // Keycloak puts identity claims and the session id in its access tokens; the API relies on them.
    extraTokenClaims: async (_ctx, token) => {
      const { accountId, sessionUid } = token as { accountId?: string; sessionUid?: string };
      const account = accountId ? await options.findAccount(accountId) : undefined;
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsOf(account);
      return { ...claims, sid: sessionUid };
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // Only the first-party web app exists: consent is implied, like in the realm's client settings.
    loadExistingGrant: async (ctx) => {
      const { client, session, provider } = ctx.oidc as unknown as {
        client: { clientId: string };
        session: { accountId: string; grantIdFor(clientId: string): string | undefined };
        provider: Provider;
      };
      const existing = session.grantIdFor(client.clientId);
      const found = existing ? await provider.Grant.find(existing) : undefined;
      if (found) return found;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(scope);
      grant.addResourceScope(API_RESOURCE, scope);
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope,
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.accessTokenTtlSeconds ?? 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form, Boolean((ctx.oidc.params as { id_token_hint?: string } | undefined)?.id_token_hint));
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage('Déconnecté', 'Vous êtes déconnecté.');
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${loginPath}?uid=${interaction.uid}` },
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: tokenPath,
      jwks: '/protocol/openid-connect/certs',
      userinfo: userinfoPath,
      end_session: '/protocol/openid-connect/logout',
      revocation: '/protocol/openid-connect/revoke',
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 300,
      IdToken: 3600,
      RefreshToken: REFRESH_TOKEN_TTL,
      Session: REFRESH_TOKEN_TTL,
      Grant: REFRESH_TOKEN_TTL,
      Interaction: 3600,
      AuthorizationCode: 60,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage('Erreur de connexion', String(out.error_description ?? out.error));
    },
  };

  const provider = new Provider(issuer, configuration);
  allowAnyPathOnWebOrigins(provider, options.webOrigins);

  // keycloak-js decodes the refresh token as a JWT: hand out a JWT-shaped envelope around ours.
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    await next();
    const body = ctx.body as { refresh_token?: string } | undefined;
    if (ctx.path === tokenPath && body?.refresh_token) {
      body.refresh_token = wrapRefreshToken(body.refresh_token, REFRESH_TOKEN_TTL);
    }
  });

  const callback = provider.callback();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const tooLarge = error instanceof FormTooLargeError;
      if (!res.headersSent) res.writeHead(tooLarge ? 413 : 500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(tooLarge ? messagePage('Requête trop volumineuse', 'Le formulaire envoyé est trop volumineux.') : messagePage('Erreur', 'Une erreur inattendue est survenue.'));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', options.baseUrl);
    allowCors(req, res, options.webOrigins);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === loginPath) return login(req, res, url);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(messagePage('Introuvable', "Cette page n'existe pas."));
      return;
    }
    const inner = url.pathname.slice(prefix.length) || '/';
    if (inner === userinfoPath) return userinfo(req, res);
    if (req.method === 'POST' && inner === tokenPath) {
      const form = new URLSearchParams(await readBody(req));
      const refreshToken = form.get('refresh_token');
      if (refreshToken) form.set('refresh_token', unwrapRefreshToken(refreshToken));
      (req as { body?: unknown }).body = Object.fromEntries(form);
    }
    (req as { originalUrl?: string }).originalUrl = req.url;
    req.url = inner + url.search;
    callback(req, res);
  }

  /**
   * oidc-provider only honours tokens issued for itself at userinfo; Keycloak also honours the API's
   * access tokens there (keycloak-js's loadUserInfo relies on it), so we answer it ourselves.
   */
  async function userinfo(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const json = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    try {
      const { payload } = await jwtVerify(token ?? '', publicKey, { issuer, audience, algorithms: ['RS256'] });
      const account = payload.sub ? await options.findAccount(payload.sub) : undefined;
      if (!account) throw new Error('unknown account');
      json(200, claimsOf(account));
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      json(401, { error: 'invalid_token', error_description: 'invalid access token' });
    }
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const html = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    try {
      await provider.interactionDetails(req, res);
    } catch {
      html(400, messagePage('Session expirée', "Retournez à l'application pour vous connecter à nouveau."));
      return;
    }
    const action = url.pathname + url.search;
    if (req.method !== 'POST') {
      html(200, loginPage(action));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const username = (form.get('username') ?? '').trim();
    const invalid = () => void html(401, loginPage(action, { username, error: 'Adresse e-mail ou mot de passe invalide.' }));
    const enrolment = options.enrolment;
    const pending = async () => enrolment !== undefined && username !== '' && (await enrolment.isPending(username));

    // Second step of a first login: the password chosen, twice.
    if (form.has('password-new')) {
      if (!enrolment || !(await pending())) return invalid();
      const password = form.get('password-new') ?? '';
      const problem = passwordProblem(password, form.get('password-confirm') ?? '');
      if (problem) return void html(400, setPasswordPage(action, username, problem));
      const created = await enrolment.enrol(username, password);
      return created ? finish(created) : invalid();
    }

    const account = await options.authenticate(username, form.get('password') ?? '');
    if (account) return finish(account);
    // Someone invited who has no account yet: they choose their password now.
    if (await pending()) return void html(200, setPasswordPage(action, username));
    invalid();

    async function finish(signedIn: DevIdpAccount): Promise<void> {
      await provider.interactionFinished(req, res, { login: { accountId: signedIn.subject } }, { mergeWithLastSubmission: false });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    issuer: port === options.port ? issuer : issuer.replace(`:${options.port}`, `:${port}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Keycloak allows `${origin}/*` redirect URIs; oidc-provider wants exact ones. */
function allowAnyPathOnWebOrigins(provider: Provider, webOrigins: string[]): void {
  const allowed = (uri: string) => {
    try {
      return webOrigins.includes(new URL(uri).origin);
    } catch {
      return false;
    }
  };
  const prototype = provider.Client.prototype as unknown as {
    redirectUriAllowed(uri: string): boolean;
    postLogoutRedirectUriAllowed(uri: string): boolean;
  };
  prototype.redirectUriAllowed = allowed;
  prototype.postLogoutRedirectUriAllowed = allowed;
}

/** The browser calls the token endpoint with credentials: answer CORS like Keycloak's web origins. */
function allowCors(req: http.IncomingMessage, res: http.ServerResponse, webOrigins: string[]): void {
  const origin = req.headers.origin;
  if (!origin || !webOrigins.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type');
  res.setHeader('Vary', 'Origin');
}

const MAX_FORM_BYTES = 16 * 1024;

class FormTooLargeError extends Error {}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
