import type { IncomingMessage, ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

/**
 * Serves /config.json from the environment, so one build runs against any identity provider
 * (docker-compose's nginx serves a static one: apps/web/docker/config.json).
 */
function runtimeConfig(): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url !== '/config.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(
      JSON.stringify({
        keycloakUrl: process.env.IDP_URL ?? `http://localhost:${process.env.IDP_PORT ?? 8080}`,
        realm: process.env.KEYCLOAK_REALM ?? 'ccas',
        clientId: process.env.KEYCLOAK_CLIENT_ID ?? 'ccas-web',
      }),
    );
  };
  return {
    name: 'ccas-runtime-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  server: { port: webPort, strictPort: true, proxy: { '/api': apiTarget } },
  preview: { port: webPort, strictPort: true, proxy: { '/api': apiTarget } },
  build: { target: 'es2022' },
});
