import { createHash, randomBytes } from 'node:crypto';
import { E2E } from './environment';

// The identity provider's protocol walked with plain HTTP, as keycloak-js walks it (code + PKCE S256).

export const realm = `http://localhost:${E2E.idpPort}/realms/ccas`;
export const oidc = `${realm}/protocol/openid-connect`;
export const redirectUri = `${E2E.webUrl}/`;

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name, value);
    }
  }
  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Follows redirects by hand, keeping cookies, until one leaves the identity provider. */
export async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<string> {
  let response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header } });
  for (let hops = 0; hops < 10; hops++) {
    jar.store(response);
    const location = response.headers.get('location');
    if (!location) return response.url;
    const next = new URL(location, url).toString();
    if (!next.startsWith(realm)) return next;
    response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header } });
    url = next;
  }
  throw new Error('too many redirects');
}

export const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

export async function tokenRequest(params: Record<string, string>) {
  const response = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.webUrl },
    body: new URLSearchParams({ client_id: 'ccas-web', ...params }),
  });
  return { response, body: (await response.json()) as Record<string, string> };
}

/** A login started like keycloak-js starts one: the provider's login page, and the PKCE verifier to finish it. */
export async function beginLogin(jar: CookieJar): Promise<{ loginPage: string; verifier: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(`${oidc}/auth`);
  authorize.search = new URLSearchParams({
    client_id: 'ccas-web',
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: 'openid',
    state: 'st',
    nonce: 'nn',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { loginPage: await follow(jar, authorize.toString()), verifier };
}

/** Posts a form of the login pages; the answer is not followed (a page to read, or a redirect). */
export function postForm(jar: CookieJar, url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header },
    body: new URLSearchParams(fields),
  });
}

/** Follows a successful login back to the web app and trades the code for tokens. */
export async function finishLogin(jar: CookieJar, response: Response, url: string, verifier: string): Promise<Record<string, string>> {
  jar.store(response);
  const location = response.headers.get('location');
  if (!location) throw new Error(`the login did not succeed (HTTP ${response.status})`);
  const callback = new URL(await follow(jar, new URL(location, url).toString()));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error('no authorization code in the callback');
  const tokens = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
  if (tokens.response.status !== 200) throw new Error(`token request failed (HTTP ${tokens.response.status})`);
  return tokens.body;
}

/** An access token for a person signing in with their password. */
export async function accessTokenFor(email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const { loginPage, verifier } = await beginLogin(jar);
  const response = await postForm(jar, loginPage, { username: email, password });
  return (await finishLogin(jar, response, loginPage, verifier)).access_token;
}
