/** The French pages of the development identity provider, with Keycloak's form ids and names. */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f1f3f5; color: #1a1b1e; margin: 0; }
  main { max-width: 24rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #868e96; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #1c7ed6; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; border: 0; border-radius: 4px; background: #1864ab; color: #fff; cursor: pointer; }
  .error { color: #c92a2a; margin-top: 1rem; }
  .hint { color: #495057; font-size: .9rem; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function loginPage(action: string, options: { username?: string; error?: string } = {}): string {
  const error = options.error
    ? `<p id="input-error" class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return layout(
    'Connexion — CCAS',
    `<h1>Connexion</h1>
<p class="hint">Fournisseur d'identité de développement, compatible Keycloak.</p>
<form id="kc-form-login" method="post" action="${escapeHtml(action)}" novalidate>
  <label for="username">Adresse e-mail</label>
  <input id="username" name="username" type="email" autocomplete="username" autofocus required
    value="${escapeHtml(options.username ?? '')}"${options.error ? ' aria-invalid="true" aria-describedby="input-error"' : ''}>
  <label for="password">Mot de passe</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  ${error}
  <button id="kc-login" name="login" type="submit">Se connecter</button>
</form>`,
  );
}

/**
 * First login of someone invited in the product: they choose their password (Keycloak's "update
 * password" form ids), then are signed in.
 */
export function setPasswordPage(action: string, email: string, error?: string): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="password-hint input-error"' : ' aria-describedby="password-hint"';
  return layout(
    'Choisir votre mot de passe — CCAS',
    `<h1>Choisissez votre mot de passe</h1>
<p>Première connexion de <strong>${escapeHtml(email)}</strong> : vous avez été invité·e par l'administrateur de votre structure.</p>
<form id="kc-passwd-update-form" method="post" action="${escapeHtml(action)}" novalidate>
  <input type="hidden" name="username" value="${escapeHtml(email)}">
  <label for="password-new">Nouveau mot de passe</label>
  <input id="password-new" name="password-new" type="password" autocomplete="new-password" autofocus required minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"${invalid}>
  <p id="password-hint" class="hint">${MIN_PASSWORD_LENGTH} caractères au moins.</p>
  <label for="password-confirm">Confirmez le mot de passe</label>
  <input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password" required${error ? ' aria-invalid="true" aria-describedby="input-error"' : ''}>
  ${error ? `<p id="input-error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <button id="kc-passwd-update" type="submit">Enregistrer et se connecter</button>
</form>
<p><a href="${escapeHtml(action)}">Ce n'est pas vous ? Revenir à la connexion</a></p>`,
  );
}

export function logoutPage(form: string, confirmed: boolean): string {
  // Like Keycloak: an RP-initiated logout carrying an id_token_hint needs no confirmation; without
  // one (a link from anywhere), the person confirms.
  if (!confirmed) {
    return layout(
      'Déconnexion — CCAS',
      `<h1>Se déconnecter ?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Se déconnecter</button>`,
    );
  }
  return layout(
    'Déconnexion — CCAS',
    `<h1>Déconnexion…</h1>${form}
<noscript><button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button></noscript>
<script>
  const form = document.getElementById('op.logoutForm');
  const input = Object.assign(document.createElement('input'), { type: 'hidden', name: 'logout', value: 'yes' });
  form.appendChild(input);
  form.submit();
</script>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
