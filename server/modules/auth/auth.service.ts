import type { ApiToken, User } from '../../../contracts/auth.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { AuthCache } from './auth-cache.ts';
import type { AuthRepository, TokenRow, UserRow } from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, hashSecretToken, newSecretToken, verifyPassword } from './credentials.ts';

const SESSION_DAYS = 30;
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_ATTEMPTS_PER_EMAIL = 5;
const MAX_ATTEMPTS_PER_IP = 30;
const TOKEN_PREFIX = 'rf_';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  language: row.locale === 'en' || row.locale === 'ru' ? row.locale : null,
  createdAt: row.createdAt.toISOString(),
});

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export class AuthService {
  private readonly cache = new AuthCache();

  constructor(
    private readonly repo: AuthRepository,
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly options: { revealTakenEmail: boolean } = { revealTakenEmail: false },
  ) {}

  readonly sessionMaxAgeSec = SESSION_DAYS * 24 * 3600;

  /**
   * Creates an account. Unless the operator lets registration reveal taken emails, the answer is
   * null whether or not the email was free (no session: the client signs in next, and a wrong
   * password for someone else's email fails there like any other), and both paths do the same
   * work: one password hash and one insert.
   */
  async register(input: { email: string; password: string; name?: string }): Promise<{ user: User; sessionToken: string } | null> {
    const passwordHash = await hashPassword(input.password);
    const row = await this.repo.createUser({ email: input.email, name: input.name ?? null, passwordHash });
    if (!this.options.revealTakenEmail) return null;
    if (!row) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists', { field: 'email' });
    return { user: toUser(row), sessionToken: await this.startSession(row.id) };
  }

  /**
   * Each attempt is counted before the password is checked, so a burst of concurrent guesses
   * cannot all be checked before the first failure is recorded: past the limit they are refused
   * unchecked. A success clears the account's count and gives the address its attempt back.
   */
  async login(input: { email: string; password: string }, ip: string): Promise<{ user: User; sessionToken: string }> {
    const now = this.clock.now();
    const accountKey = `email:${input.email}`;
    const addressKey = `ip:${ip}`;
    const counts = await this.repo.countAttempt([accountKey, addressKey], now, new Date(now.getTime() - FAILURE_WINDOW_MS));
    const over = counts.find((c) => c.attempts > (c.key === accountKey ? MAX_ATTEMPTS_PER_EMAIL : MAX_ATTEMPTS_PER_IP));
    if (over) {
      const retryAfterSec = Math.max(1, Math.ceil((over.windowStartedAt.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfterSec / 60)} minutes`, undefined, {
        'retry-after': String(retryAfterSec),
      });
    }
    const row = await this.repo.findUserByEmail(input.email);
    const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!row || !valid) throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
    await this.repo.forgiveAttempt(accountKey, addressKey);
    return { user: toUser(row), sessionToken: await this.startSession(row.id) };
  }

  private async startSession(userId: string): Promise<string> {
    const token = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.sessionMaxAgeSec * 1000);
    await this.repo.createSession(hashSecretToken(this.secret, token), userId, expiresAt);
    return token;
  }

  async logout(auth: AuthContext): Promise<void> {
    if (!auth.sessionIdHash) return;
    await this.repo.deleteSession(auth.sessionIdHash);
    this.cache.revoke(`s:${auth.sessionIdHash}`, this.clock.now().getTime());
  }

  async me(auth: AuthContext): Promise<User> {
    const row = await this.repo.findUserById(auth.userId);
    if (!row) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
    return toUser(row);
  }

  /** Saves the interface language the user chose. */
  async setLanguage(auth: AuthContext, language: 'en' | 'ru'): Promise<User> {
    const row = await this.repo.setLocale(auth.userId, language);
    if (!row) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
    return toUser(row);
  }

  async languageOf(userId: string): Promise<'en' | 'ru' | null> {
    const locale = (await this.repo.findUserById(userId))?.locale;
    return locale === 'en' || locale === 'ru' ? locale : null;
  }

  /** Resolves a session cookie or a bearer token to the user it belongs to. */
  async authenticate(credentials: { sessionToken?: string; bearerToken?: string }): Promise<AuthContext | null> {
    const now = this.clock.now();
    if (credentials.bearerToken) return this.authenticateToken(credentials.bearerToken, now);
    if (!credentials.sessionToken) return null;
    const idHash = hashSecretToken(this.secret, credentials.sessionToken);
    const cached = this.cache.get(`s:${idHash}`, now.getTime());
    if (cached) return cached;
    const userId = await this.repo.findSessionUser(idHash, now);
    if (!userId) return null;
    const auth: AuthContext = { userId, via: 'session', sessionIdHash: idHash };
    this.cache.set(`s:${idHash}`, auth, now.getTime());
    return auth;
  }

  private async authenticateToken(token: string, now: Date): Promise<AuthContext | null> {
    const tokenHash = hashSecretToken(this.secret, token);
    const cached = this.cache.get(`t:${tokenHash}`, now.getTime());
    if (cached) return cached;
    const row = await this.repo.findToken(tokenHash);
    if (!row) return null;
    await this.repo.touchToken(row.id, now);
    const auth: AuthContext = { userId: row.userId, via: 'token' };
    this.cache.set(`t:${tokenHash}`, auth, now.getTime());
    return auth;
  }

  async createToken(auth: AuthContext, name: string): Promise<ApiToken & { token: string }> {
    const token = newSecretToken(TOKEN_PREFIX);
    const row = await this.repo.createToken({
      userId: auth.userId,
      name,
      tokenHash: hashSecretToken(this.secret, token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    });
    return { ...toToken(row), token };
  }

  async listTokens(auth: AuthContext): Promise<ApiToken[]> {
    return (await this.repo.listTokens(auth.userId)).map(toToken);
  }

  async deleteToken(auth: AuthContext, id: string): Promise<void> {
    const tokenHash = await this.repo.deleteToken(auth.userId, id);
    if (!tokenHash) throw new AppError('NOT_FOUND', 'Token not found');
    this.cache.revoke(`t:${tokenHash}`, this.clock.now().getTime());
  }
}
