import Keycloak from 'keycloak-js';
import type { RuntimeConfig } from './runtime-config';

let keycloak: Keycloak | undefined;

/** Seconds of validity a token must still have before a call; below that it is refreshed first. */
const MIN_VALIDITY_SECONDS = 30;

/**
 * Logs the user in through the identity provider (Keycloak, or the compatible development provider)
 * with the authorization code flow and PKCE, then keeps the access token fresh.
 */
export async function initAuth(config: RuntimeConfig): Promise<Keycloak> {
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  keycloak.onTokenExpired = () => {
    keycloak?.updateToken(MIN_VALIDITY_SECONDS).catch(() => keycloak?.login());
  };
  return keycloak;
}

/** A valid access token, refreshed first if it is about to expire. */
export async function accessToken(): Promise<string> {
  if (!keycloak) throw new Error('authentication not initialised');
  try {
    await keycloak.updateToken(MIN_VALIDITY_SECONDS);
  } catch {
    await keycloak.login();
  }
  return keycloak.token!;
}

export function logout(): Promise<void> {
  return keycloak?.logout({ redirectUri: `${window.location.origin}/` }) ?? Promise.resolve();
}
