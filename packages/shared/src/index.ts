import './zod-locale.js';

export * from './roles.js';
export * from './permissions.js';
export * from './me.js';
export * from './problem.js';
export * from './pagination.js';
export * from './audit.js';
export * from './fields.js';
export * from './beneficiaries.js';
export * from './interviews.js';
export * from './team.js';
export * from './catalogues.js';
export * from './procedures.js';
export * from './timeline.js';
export * from './referrals.js';
export * from './digital-assessments.js';
export * from './appointments.js';
export * from './reminders.js';
