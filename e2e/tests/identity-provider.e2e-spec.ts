import { E2E } from '../support/environment';
import { beginLogin, CookieJar, decodeJwt as decode, follow, oidc, realm, redirectUri, tokenRequest } from '../support/oidc';

/**
 * The development identity provider speaks Keycloak's protocol: this test walks the flow keycloak-js
 * walks (authorization code + PKCE S256, then a refresh) with plain HTTP, and uses the tokens on the API.
 */

it('publishes a Keycloak-shaped discovery document', async () => {
  const discovery = await (await fetch(`${realm}/.well-known/openid-configuration`)).json();
  expect(discovery).toMatchObject({
    issuer: realm,
    authorization_endpoint: `${oidc}/auth`,
    token_endpoint: `${oidc}/token`,
    jwks_uri: `${oidc}/certs`,
    userinfo_endpoint: `${oidc}/userinfo`,
    end_session_endpoint: `${oidc}/logout`,
    code_challenge_methods_supported: ['S256'],
  });
});

it('logs in with PKCE, issues RS256 API tokens and refreshes them like Keycloak', async () => {
  const jar = new CookieJar();
  const { loginPage, verifier } = await beginLogin(jar);

  expect(loginPage).toContain('/login-actions/authenticate');
  const callback = new URL(
    await follow(jar, loginPage, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'manager@villeneuve.test', password: 'demo1234' }),
    }),
  );
  expect(callback.origin + callback.pathname).toBe(redirectUri);
  const code = callback.searchParams.get('code')!;

  // Without the PKCE verifier, the code is worthless.
  expect((await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })).response.status).toBe(400);

  const login = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
  expect(login.response.status).toBe(200);
  expect(login.response.headers.get('access-control-allow-credentials')).toBe('true');
  const [header] = login.body.access_token.split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'RS256' });
  expect(decode(login.body.access_token)).toMatchObject({ iss: realm, aud: 'ccas-api', email: 'manager@villeneuve.test' });
  expect(decode(login.body.refresh_token).exp).toBeGreaterThan(Date.now() / 1000); // what keycloak-js reads

  const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token });
  expect(refreshed.response.status).toBe(200);
  expect(refreshed.body.access_token).not.toBe(login.body.access_token);

  const me = await fetch(`${E2E.webUrl}/api/v1/me`, { headers: { authorization: `Bearer ${refreshed.body.access_token}` } });
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ firstName: 'Hélène', tenant: { name: 'CCAS de Villeneuve' } });

  const userinfo = await fetch(`${oidc}/userinfo`, { headers: { authorization: `Bearer ${login.body.access_token}` } });
  expect(userinfo.status).toBe(200);
  expect(await userinfo.json()).toMatchObject({ sub: decode(login.body.access_token).sub });
});
