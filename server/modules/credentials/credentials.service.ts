import { and, eq, sql } from 'drizzle-orm';
import { PROVIDERS, type ProviderId, type ProviderSettings, type ProviderStatus } from '../../../contracts/providers.ts';
import { createPinnedFetch } from '../../adapters/http/pinned-fetch.ts';
import { hostKey } from '../../adapters/http/resolve-target.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { providerCredentials } from '../../db/schema.ts';
import type { AuthContext } from '../../http/router.ts';
import { type OperatorProvider, operatorProvider, sameEndpoint } from './operator-providers.ts';
import { SecretBox, UnreadableSecretError } from './secret-box.ts';

export interface ResolvedProvider {
  apiKey?: string;
  settings: ProviderSettings;
  source: 'user' | 'server';
  /**
   * Set when the user's settings cannot be used (then there is no key): says why, for a 409. The
   * operator's key is never paired with a base URL the user chose.
   */
  unavailable?: string;
  /** The pinned, redirect-checked client to call this provider with: the operator's own servers may be private. */
  fetch: typeof fetch;
}

/** Per-user provider keys (sealed at rest, never returned) over the operator's defaults. */
export class CredentialsService {
  private readonly box: SecretBox;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
  ) {
    this.box = new SecretBox(config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS);
  }

  private async rows(ownerId: string, provider?: ProviderId) {
    return this.db
      .select()
      .from(providerCredentials)
      .where(and(eq(providerCredentials.ownerId, ownerId), provider ? eq(providerCredentials.provider, provider) : undefined));
  }

  async list(user: AuthContext): Promise<ProviderStatus[]> {
    const mine = new Map((await this.rows(user.userId)).map((row) => [row.provider, row]));
    return (Object.keys(PROVIDERS) as ProviderId[]).map((provider) => {
      const row = mine.get(provider);
      return {
        provider,
        kind: PROVIDERS[provider].kind,
        label: PROVIDERS[provider].label,
        hasKey: Boolean(row?.encryptedKey),
        serverConfigured: operatorProvider(this.config, provider).configured,
        settings: (row?.settings ?? {}) as ProviderSettings,
      };
    });
  }

  async save(user: AuthContext, provider: ProviderId, input: { apiKey?: string | null; settings?: ProviderSettings }): Promise<ProviderStatus> {
    const baseUrl = input.settings?.baseUrl;
    if (baseUrl && !this.config.PROVIDER_USER_URLS.includes(provider) && !sameEndpoint(baseUrl, operatorProvider(this.config, provider).baseUrl)) {
      throw new AppError('VALIDATION_FAILED', `${PROVIDERS[provider].label}: this server does not allow your own base URL; leave settings.baseUrl out to use the server's`, {
        issues: [{ path: 'settings.baseUrl', message: 'own base URLs are switched off for this provider (PROVIDER_USER_URLS)' }],
      });
    }
    const sealed = input.apiKey === undefined ? undefined : input.apiKey === null ? null : this.box.seal(input.apiKey);
    await this.db
      .insert(providerCredentials)
      .values({ ownerId: user.userId, provider, encryptedKey: sealed ?? null, settings: input.settings ?? {} })
      .onConflictDoUpdate({
        target: [providerCredentials.ownerId, providerCredentials.provider],
        set: {
          ...(sealed !== undefined ? { encryptedKey: sealed } : {}),
          ...(input.settings ? { settings: input.settings } : {}),
          updatedAt: sql`now()`,
        },
      });
    return (await this.list(user)).find((p) => p.provider === provider)!;
  }

  async remove(user: AuthContext, provider: ProviderId): Promise<void> {
    await this.db.delete(providerCredentials).where(and(eq(providerCredentials.ownerId, user.userId), eq(providerCredentials.provider, provider)));
  }

  /** A saved key; one sealed under a previous SESSION_SECRET is sealed again under the current one. */
  private async openKey(ownerId: string, provider: ProviderId, sealed: string): Promise<string> {
    try {
      const { plain, stale } = this.box.openWithRotation(sealed);
      if (stale) {
        await this.db
          .update(providerCredentials)
          .set({ encryptedKey: this.box.seal(plain) })
          .where(and(eq(providerCredentials.ownerId, ownerId), eq(providerCredentials.provider, provider), eq(providerCredentials.encryptedKey, sealed)));
      }
      return plain;
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      throw new AppError('CONFLICT', `Your saved ${PROVIDERS[provider].label} key can no longer be read (the server's secret changed): save it again on the Providers page`);
    }
  }

  /** The operator's configuration alone, for what runs on the operator's behalf. */
  operator(provider: ProviderId): ResolvedProvider {
    const operator = operatorProvider(this.config, provider);
    return { apiKey: operator.apiKey, settings: operator.settings, source: 'server', fetch: this.fetchFor(operator) };
  }

  /**
   * The user's own settings and key over the operator's; null when neither exists. The one rule for
   * keys: the operator's key goes only to the operator's base URL. A user who saved another base
   * URL uses their own key there, or none (a keyless server); a provider that needs a key is then
   * unavailable, as is a user URL for a provider the operator keeps to its own (PROVIDER_USER_URLS).
   */
  async resolve(ownerId: string, provider: ProviderId): Promise<ResolvedProvider | null> {
    const [row] = await this.rows(ownerId, provider);
    const operator = operatorProvider(this.config, provider);
    const fetch = this.fetchFor(operator);
    if (!row) return operator.configured ? { apiKey: operator.apiKey, settings: operator.settings, source: 'server', fetch } : null;
    const own = row.settings as ProviderSettings;
    const settings = { ...operator.settings, ...own };
    const ownKey = row.encryptedKey ? await this.openKey(ownerId, provider, row.encryptedKey) : undefined;
    const ownUrl = own.baseUrl !== undefined && !sameEndpoint(own.baseUrl, operator.baseUrl) ? own.baseUrl : null;
    if (!ownUrl) return { apiKey: ownKey ?? operator.apiKey, settings, source: 'user', fetch };
    const label = PROVIDERS[provider].label;
    if (!this.config.PROVIDER_USER_URLS.includes(provider)) {
      return { settings, source: 'user', fetch, unavailable: `${label}: this server does not allow your own base URL (${ownUrl}); remove it in the provider settings to use the server's` };
    }
    if (!ownKey && PROVIDERS[provider].keyRequired) {
      return {
        settings,
        source: 'user',
        fetch,
        unavailable: `${label}: you set your own base URL (${ownUrl}) without your own API key, and the server's key is only sent to the server's own address; add your key or remove the base URL`,
      };
    }
    return { apiKey: ownKey, settings, source: 'user', fetch };
  }

  /** The operator's servers are trusted although they may be private (a local Ollama); nothing else is. */
  private fetchFor(operator: OperatorProvider): typeof fetch {
    const operatorHosts = operator.urls.map((url) => hostKey(new URL(url)));
    return createPinnedFetch({ allowPrivateHosts: [...this.config.FETCH_ALLOW_PRIVATE_HOSTS, ...operatorHosts] });
  }
}
