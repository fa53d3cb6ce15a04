import { hashPassword, passwordMatches } from './invited-identities';

describe('passwords of the accounts invited people create', () => {
  it('are stored as salted scrypt hashes that only the same password matches', async () => {
    const stored = await hashPassword('un mot de passe solide');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('solide');
    expect(await passwordMatches('un mot de passe solide', stored)).toBe(true);
    expect(await passwordMatches('un mot de passe solid', stored)).toBe(false);
    expect(await passwordMatches('', stored)).toBe(false);
    // Two hashes of one password differ (salt).
    expect(await hashPassword('un mot de passe solide')).not.toBe(stored);
  });

  it('compares composed and decomposed accents alike, and refuses a malformed hash', async () => {
    const stored = await hashPassword('Élodie-2026');
    expect(await passwordMatches('E\u0301lodie-2026', stored)).toBe(true);
    expect(await passwordMatches('Élodie-2026', 'plain:Élodie-2026')).toBe(false);
  });
});
