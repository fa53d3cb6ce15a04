import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/**
 * The identity provider's side for the benchmark (the pattern of apps/api/test/support/token-issuer.ts):
 * a JWKS endpoint the API fetches its verification key from, and RS256 access tokens shaped like
 * Keycloak's (iss, aud `ccas-api`, sub, email, email_verified, sid, typ `Bearer`).
 */
export class BenchIssuer {
  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(): Promise<BenchIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-key', alg: 'RS256', use: 'sig' };
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('/protocol/openid-connect/certs')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new BenchIssuer(`http://127.0.0.1:${port}/realms/ccas`, server, privateKey);
  }

  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  /** An access token for a person whose membership is linked by verified email at first use. */
  tokenFor(person: { subject: string; email: string }): Promise<string> {
    return new SignJWT({ sub: person.subject, email: person.email, email_verified: true, sid: randomUUID(), typ: 'Bearer', azp: 'ccas-web' })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench-key', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience('ccas-api')
      .setIssuedAt()
      .setExpirationTime('4h')
      .sign(this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
