/** Ports of the stack under test: away from the defaults, so a running `npm start` is not disturbed. */
export const E2E = {
  webPort: 5273,
  apiPort: 3100,
  idpPort: 8180,
  get webUrl() {
    return `http://localhost:${this.webPort}`;
  },
};
