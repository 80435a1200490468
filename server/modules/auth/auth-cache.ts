import type { AuthContext } from '../../http/router.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Remembers resolved sessions/tokens for a few seconds so each API call does not cost an extra
 * query. Logout and token deletion evict locally at once; other API processes notice within TTL_MS.
 */
export class AuthCache {
  private readonly entries = new Map<string, { value: AuthContext; expires: number }>();

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
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expires: now + TTL_MS });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
