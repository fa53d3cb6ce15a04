import { CreateProcedureInput, looksLikeCredential } from './procedures.js';

describe('the credential guard', () => {
  it.each([
    'mdp: Soleil',
    'MDP=soleil',
    'mot de passe = abc',
    'Son mot de passe Soleil2024 pour la CAF',
    'le mot de passe est Azerty!1',
    'password hunter2',
    'code secret 4821',
  ])('refuses a note that holds a credential: %s', (note) => {
    expect(looksLikeCredential(note)).toBe(true);
  });

  it.each([
    'Mot de passe oublié, réinitialisé avec Mme.',
    'mdp réinitialisé le 12/11 avec la personne',
    'Compte Ameli créé, la personne garde ses identifiants chez elle.',
    'Pas de mot de passe noté.',
  ])('lets a worker say what happened to a password: %s', (note) => {
    expect(looksLikeCredential(note)).toBe(false);
  });

  it('explains the refusal in French', () => {
    const result = CreateProcedureInput.safeParse({
      beneficiaryId: '019ac000-0000-7000-8000-000000000001',
      organismId: '019ac000-0000-7000-8000-000000000002',
      procedureTypeId: '019ac000-0000-7000-8000-000000000003',
      mode: 'A_LA_PLACE',
      consent: 'ORAL',
      outcome: 'DONE',
      note: 'mdp: Soleil2024',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['note', 'Ne notez jamais les mots de passe ou identifiants de la personne.'],
    ]);
  });
});
