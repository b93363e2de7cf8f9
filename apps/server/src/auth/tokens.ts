import { randomBytes } from 'node:crypto';
import type { Role } from '@logi/contracts';
import { jwtVerify, SignJWT } from 'jose';
import type { Db } from '../db/index.ts';

export const TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** Bound on remembered tokens: one per active session is plenty; the cache restarts when full. */
const VERIFIED_CACHE_SIZE = 10_000;

export interface TokenClaims {
  userId: number;
  role: Role;
}

/** Signs and checks access tokens (HS256 only: `alg: none` and other algorithms are refused). */
export class TokenService {
  /** Tokens whose signature was already checked, with their expiry (seconds). */
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  private constructor(private readonly key: Uint8Array) {}

  /** The secret comes from the environment, or is generated once and kept in the database so every node shares it. */
  static async create(db: Db, configured: string | undefined): Promise<TokenService> {
    if (configured) return new TokenService(new TextEncoder().encode(configured));
    await db
      .insertInto('settings')
      .values({ key: 'jwt_secret', value: randomBytes(48).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'jwt_secret')
      .executeTakeFirstOrThrow();
    return new TokenService(new TextEncoder().encode(row.value));
  }

  async sign(claims: TokenClaims, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
    return new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** The claims of a valid token, or null for anything else (bad signature, expired, malformed). */
  async verify(token: string): Promise<TokenClaims | null> {
    // A token is immutable: once its signature checked out, only its expiry can change the answer.
    // Every API call carries the same token, so re-running HMAC (a thread-pool round trip in
    // WebCrypto) per request is wasted work.
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Math.floor(Date.now() / 1000)) return known.claims;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId)) return null;
      const claims: TokenClaims = { userId, role: payload.role as Role };
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
        this.verified.set(token, { claims, exp: payload.exp });
      }
      return claims;
    } catch {
      return null;
    }
  }
}
