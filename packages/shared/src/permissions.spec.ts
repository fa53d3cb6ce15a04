import { can, permissionsFor } from './permissions.js';

describe('role → permission map', () => {
  it('keeps front-desk agents away from social content', () => {
    expect(can({ roles: ['ACCUEIL'] }, 'beneficiary:search')).toBe(true);
    expect(can({ roles: ['ACCUEIL'] }, 'beneficiary:read')).toBe(false);
    expect(can({ roles: ['ACCUEIL'] }, 'interview:write')).toBe(false);
  });

  it('gives administrators no social content by default', () => {
    expect(can({ roles: ['ADMIN'] }, 'users:manage')).toBe(true);
    expect(can({ roles: ['ADMIN'] }, 'beneficiary:read')).toBe(false);
    expect(can({ roles: ['ADMIN'] }, 'beneficiary:search')).toBe(false);
  });

  it('combines the permissions of several roles without duplicates', () => {
    const granted = permissionsFor(['AGENT', 'MANAGER']);
    expect(granted).toContain('interview:write');
    expect(granted).toContain('dashboard:read');
    expect(new Set(granted).size).toBe(granted.length);
  });

  it('leaves the review of files due for archiving to the direction', () => {
    expect(can({ roles: ['MANAGER'] }, 'retention:review')).toBe(true);
    for (const role of ['ACCUEIL', 'AGENT', 'ADMIN'] as const) expect(can({ roles: [role] }, 'retention:review')).toBe(false);
  });

  it('grants nothing without a role', () => {
    expect(permissionsFor([])).toEqual([]);
    expect(can({ roles: [] }, 'beneficiary:search')).toBe(false);
  });
});
