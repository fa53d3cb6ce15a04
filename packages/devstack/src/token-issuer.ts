import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/**
 * The identity provider's side of the contract, for API tests and benchmarks: a JWKS endpoint and a
 * signer. The provider lies outside the API; tests forge the tokens Keycloak would issue, and bad ones too.
 */
export class TokenIssuer {
  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('/protocol/openid-connect/certs')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TokenIssuer(`http://127.0.0.1:${port}/realms/ccas`, server, privateKey);
  }

  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  /** An access token as Keycloak would issue it; every part can be overridden to forge bad ones. */
  async sign(
    claims: JWTPayload,
    options: { audience?: string; issuer?: string; expiresIn?: string | number; key?: CryptoKey; alg?: string } = {},
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'ccas-api')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
