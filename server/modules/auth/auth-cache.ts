import type { AuthContext } from '../../http/router.ts';

/** How long another API process may keep accepting a session or token revoked elsewhere. */
export const AUTH_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Remembers resolved sessions/tokens for a few seconds so each API call does not cost an extra
 * query. Other API processes notice a logout or token deletion within AUTH_CACHE_TTL_MS. The
 * process that revokes notices at once: it also remembers the revocation for that long, so a
 * request that read the credential just before it was revoked cannot put it back in the cache.
 */
export class AuthCache {
  private readonly entries = new Map<string, { value: AuthContext; expires: number }>();
  private readonly revoked = new Map<string, number>();

  get(key: string, now: number): AuthContext | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return null;
    }
    return hit.value;
  }

  set(key: string, value: AuthContext, now: number): void {
    const revokedUntil = this.revoked.get(key);
    if (revokedUntil !== undefined) {
      if (revokedUntil > now) return;
      this.revoked.delete(key);
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expires: now + AUTH_CACHE_TTL_MS });
  }

  /** Forgets a credential and refuses to cache it again while a read begun before may still finish. */
  revoke(key: string, now: number): void {
    this.entries.delete(key);
    if (this.revoked.size >= MAX_ENTRIES) this.revoked.clear();
    this.revoked.set(key, now + AUTH_CACHE_TTL_MS);
  }
}
