/** Query keys of digital inclusion: a file's assessments and referrals, and the tenant's digital partners. */
export const digitalInclusionKeys = {
  all: ['digital-inclusion'] as const,
  assessments: (beneficiaryId: string) => [...digitalInclusionKeys.all, 'assessments', beneficiaryId] as const,
  referrals: (beneficiaryId: string) => [...digitalInclusionKeys.all, 'referrals', beneficiaryId] as const,
  digitalPartners: () => [...digitalInclusionKeys.all, 'digital-partners'] as const,
};
