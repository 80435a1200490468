import { HeyGenProvider } from '../../adapters/avatar/heygen.ts';
import type { HeyGenOptions } from '../../adapters/avatar/heygen.ts';
import { AvatarError } from '../../adapters/avatar/types.ts';
import type { AvatarProvider } from '../../adapters/avatar/types.ts';
import { parseTargetUrl, resolveTarget, systemResolver } from '../../adapters/http/resolve-target.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';

export const AVATAR_PROVIDER_LABEL = 'HeyGen';

export type CreateAvatarProvider = (options: HeyGenOptions) => AvatarProvider;

/** The user's HeyGen (their own key) or the operator's; not configured when neither has a key. */
export class AvatarProviders {
  private readonly allowPrivateHosts: ReadonlySet<string>;

  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly create: CreateAvatarProvider = (options) => new HeyGenProvider(options),
  ) {
    this.allowPrivateHosts = new Set(config.FETCH_ALLOW_PRIVATE_HOSTS);
  }

  async configured(userId: string): Promise<boolean> {
    return Boolean((await this.credentials.resolve(userId, 'heygen'))?.apiKey);
  }

  async forUser(userId: string): Promise<AvatarProvider> {
    const resolved = await this.credentials.resolve(userId, 'heygen');
    if (!resolved?.apiKey) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'Talking-head clips need a HeyGen API key: add yours in the provider settings, or ask the operator to set HEYGEN_API_KEY. You can skip this stage.',
      );
    }
    const baseUrl = resolved.settings.baseUrl ?? this.config.HEYGEN_BASE_URL;
    // An author's own base URL is fetched from this server: it gets the same address policy as article imports.
    const guarded = resolved.source === 'user' && baseUrl !== this.config.HEYGEN_BASE_URL;
    return this.create({ apiKey: resolved.apiKey, baseUrl, uploadBaseUrl: this.config.HEYGEN_UPLOAD_BASE_URL, fetch: guarded ? this.guardedFetch() : undefined });
  }

  private guardedFetch(): typeof fetch {
    return async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      await resolveTarget(parseTargetUrl(url), systemResolver, this.allowPrivateHosts).catch((error: Error) => {
        throw new AvatarError(`The HeyGen address in your provider settings is not allowed: ${error.message}`, 'request');
      });
      return fetch(input, init);
    };
  }
}

/** Provider failures as API errors the screen shows as they are. */
export function avatarFailure(error: unknown): Error {
  if (!(error instanceof AvatarError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'rate-limit') return new AppError('RATE_LIMITED', error.message);
  return new AppError('PROVIDER_FAILED', error.message, { provider: 'heygen', kind: error.kind });
}
