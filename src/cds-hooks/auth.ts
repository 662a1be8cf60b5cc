/**
 * Authenticating the CDS client (CDS Hooks 2.0, "Trusting CDS Clients"): a JWT bearer token
 * signed with the client's private key, checked against the JWKS configured for its issuer, with
 * `aud` the URL of the endpoint called, `exp` in the future, and a `jti` not seen before. Without
 * trusted issuers configured the services are open (the start-up log says so).
 */
import type { Request, RequestHandler } from 'express';
import type { JWTVerifyGetKey } from 'jose';

/** Asymmetric algorithms only: the specification forbids `none` and shared-secret (HMAC) signatures. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Tokens are for one call: one issued longer ago than this is refused, which also bounds the replay cache. */
const MAX_TOKEN_AGE_SECONDS = 15 * 60;
const MAX_REMEMBERED_JTIS = 20_000;

export class Unauthenticated extends Error {
  readonly status = 401;
  constructor(reason: string) {
    super(`the CDS client could not be authenticated: ${reason}`);
    this.name = 'Unauthenticated';
  }
}

/** `jti`s seen, until their token expires; a token presented twice is a replay. */
class SeenTokens {
  private readonly until = new Map<string, number>();

  /** False when the token was seen before. */
  add(key: string, expiresAt: number, now: number): boolean {
    const seen = this.until.get(key);
    if (seen !== undefined && seen > now) return false;
    for (const [k, t] of this.until) {
      if (t > now && this.until.size < MAX_REMEMBERED_JTIS) break;
      this.until.delete(k);
    }
    this.until.set(key, expiresAt);
    return true;
  }
}

export interface ClientAuth {
  /** Whether calls are checked at all. */
  readonly enabled: boolean;
  /** Middleware: the request's Authorization header is a valid token for one of `audiences(req)`. */
  middleware(audiences: (req: Request) => string[]): RequestHandler;
}

interface KeySets {
  jose: typeof import('jose');
  /** Issuer → its key set. */
  keys: Map<string, JWTVerifyGetKey>;
}

/** `issuers`: issuer → the URL of its JWKS, or (for tests) a key set already at hand. */
export function clientAuth(issuers: Readonly<Record<string, string | JWTVerifyGetKey>> | undefined): ClientAuth {
  const trusted = Object.entries(issuers ?? {});
  // The JWT library (46 modules) is loaded only when there is a client to check, and then at once:
  // a broken install stops the server as it starts (nothing handles the rejection yet), with this
  // message; a call that arrived first gets it as its error.
  const ready: Promise<KeySets> | undefined =
    trusted.length === 0
      ? undefined
      : import('jose').then(
          (jose) => ({
            jose,
            keys: new Map<string, JWTVerifyGetKey>(trusted.map(([iss, jwks]) => [iss, typeof jwks === 'string' ? jose.createRemoteJWKSet(new URL(jwks), { timeoutDuration: 3000 }) : jwks])),
          }),
          (error: unknown) => {
            throw new Error('CDS_TRUSTED_ISSUERS is set, but the JWT library (jose) could not be loaded', { cause: error });
          },
        );
  const seen = new SeenTokens();

  async function verify(req: Request, audiences: string[], { jose, keys }: KeySets): Promise<void> {
    const { decodeJwt, errors, jwtVerify } = jose;
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new Unauthenticated('send a JWT as "Authorization: Bearer <token>"');
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new Unauthenticated('the bearer token is not a JWT');
    }
    const jwks = iss === undefined ? undefined : keys.get(iss);
    if (!iss || !jwks) throw new Unauthenticated('the token is not from a trusted issuer');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: iss,
        audience: audiences,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'jti'],
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        clockTolerance: 30,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new Unauthenticated('the token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw new Unauthenticated(`the token's "${error.claim}" claim is not valid (${error.reason})`);
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) throw new Unauthenticated("the issuer's key set could not be fetched");
      throw new Unauthenticated('the token signature could not be verified');
    }
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = Math.min(payload.exp ?? now, now + MAX_TOKEN_AGE_SECONDS);
    if (!seen.add(`${iss}\u0000${String(payload.jti)}`, expiresAt, now)) throw new Unauthenticated('the token was used before (jti)');
  }

  return {
    enabled: ready !== undefined,
    middleware: (audiences) => (req, _res, next) => {
      if (!ready || req.method === 'OPTIONS') return next();
      ready.then((loaded) => verify(req, audiences(req), loaded)).then(() => next(), next);
    },
  };
}
