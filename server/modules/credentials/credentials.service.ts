import { and, eq, sql } from 'drizzle-orm';
import { PROVIDERS, type ProviderId, type ProviderSettings, type ProviderStatus } from '../../../contracts/providers.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { providerCredentials } from '../../db/schema.ts';
import type { AuthContext } from '../../http/router.ts';
import { AppError } from '../../http/errors.ts';
import { SecretBox, UnreadableSecretError } from './secret-box.ts';

export interface ResolvedProvider {
  apiKey?: string;
  settings: ProviderSettings;
  source: 'user' | 'server';
}

/** What the operator configured through the environment, per provider. */
function serverProvider(config: Config, provider: ProviderId): ResolvedProvider | null {
  const server = (apiKey: string | undefined, settings: ProviderSettings, configured: boolean) =>
    configured ? { apiKey, settings, source: 'server' as const } : null;
  switch (provider) {
    case 'openai':
      return server(config.OPENAI_API_KEY, { baseUrl: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, enabled: config.WRITER_PROVIDER === 'openai' }, config.WRITER_PROVIDER === 'openai' || Boolean(config.OPENAI_API_KEY));
    case 'anthropic':
      return server(config.ANTHROPIC_API_KEY, { baseUrl: config.ANTHROPIC_BASE_URL, model: config.ANTHROPIC_MODEL, enabled: config.WRITER_PROVIDER === 'anthropic' }, Boolean(config.ANTHROPIC_API_KEY));
    case 'elevenlabs':
      return server(config.ELEVENLABS_API_KEY, { baseUrl: config.ELEVENLABS_BASE_URL, model: config.ELEVENLABS_MODEL }, Boolean(config.ELEVENLABS_API_KEY));
    case 'openai-tts':
      return server(config.OPENAI_TTS_API_KEY, { baseUrl: config.OPENAI_TTS_BASE_URL, model: config.OPENAI_TTS_MODEL, voices: config.OPENAI_TTS_VOICES }, Boolean(config.OPENAI_TTS_BASE_URL));
    case 'pexels':
      return server(config.PEXELS_API_KEY, { baseUrl: config.PEXELS_BASE_URL }, Boolean(config.PEXELS_API_KEY));
    case 'heygen':
      return server(config.HEYGEN_API_KEY, { baseUrl: config.HEYGEN_BASE_URL }, Boolean(config.HEYGEN_API_KEY));
  }
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
        serverConfigured: serverProvider(this.config, provider) !== null,
        settings: (row?.settings ?? {}) as ProviderSettings,
      };
    });
  }

  async save(user: AuthContext, provider: ProviderId, input: { apiKey?: string | null; settings?: ProviderSettings }): Promise<ProviderStatus> {
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

  /** The user's own settings and key when saved, else the operator's; null when neither exists. */
  async resolve(ownerId: string, provider: ProviderId): Promise<ResolvedProvider | null> {
    const [row] = await this.rows(ownerId, provider);
    const server = serverProvider(this.config, provider);
    if (!row) return server;
    const settings = { ...(server?.settings ?? {}), ...(row.settings as ProviderSettings) };
    return { apiKey: row.encryptedKey ? await this.openKey(ownerId, provider, row.encryptedKey) : server?.apiKey, settings, source: 'user' };
  }
}
