/**
 * Ports of the stack under test: away from the defaults, so a running `npm start` is not disturbed;
 * E2E_PORT_OFFSET moves them all, so that two test runs can share a machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const E2E = {
  webPort: 5273 + offset,
  apiPort: 3100 + offset,
  idpPort: 8180 + offset,
  pgPort: 54339 + offset,
  get webUrl() {
    return `http://localhost:${this.webPort}`;
  },
};
