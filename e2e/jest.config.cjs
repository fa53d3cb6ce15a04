const preset = require('../jest.preset.cjs');

/** Browser tests: the whole product started like `npm start`, driven in Debian's Chromium. */
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60000,
};
