/** The rule for a password chosen at first login: checked by the server, announced by the page. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** What a chosen password must be, in the words the page shows; undefined when it is fine. */
export function passwordProblem(password: string, confirmation: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Le mot de passe ne peut pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  if (password !== confirmation) return 'Les deux mots de passe ne sont pas identiques.';
  return undefined;
}
