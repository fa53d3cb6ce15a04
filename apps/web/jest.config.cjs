/** Unit tests of the web's pure logic (dates, versions); screens are covered by the browser tests in e2e/. */
module.exports = { ...require('../../jest.preset.cjs'), testMatch: ['<rootDir>/src/**/*.spec.ts'] };
