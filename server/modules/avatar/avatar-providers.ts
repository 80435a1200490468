import { HeyGenProvider } from '../../adapters/avatar/heygen.ts';
import type { HeyGenOptions } from '../../adapters/avatar/heygen.ts';
import { AvatarError } from '../../adapters/avatar/types.ts';
import type { AvatarProvider } from '../../adapters/avatar/types.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';

export const AVATAR_PROVIDER_LABEL = 'HeyGen';

export type CreateAvatarProvider = (options: HeyGenOptions) => AvatarProvider;

/** The user's HeyGen (their own key) or the operator's; not configured when neither has a key. */
export class AvatarProviders {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly create: CreateAvatarProvider = (options) => new HeyGenProvider(options),
  ) {}

  async configured(userId: string): Promise<boolean> {
    return Boolean((await this.credentials.resolve(userId, 'heygen'))?.apiKey);
  }

  async forUser(userId: string): Promise<AvatarProvider> {
    const resolved = await this.credentials.resolve(userId, 'heygen');
    if (resolved?.unavailable) throw new AppError('PROVIDER_NOT_CONFIGURED', resolved.unavailable, { provider: 'heygen' });
    if (!resolved?.apiKey) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'Talking-head clips need a HeyGen API key: add yours in the provider settings, or ask the operator to set HEYGEN_API_KEY. You can skip this stage.',
      );
    }
    const baseUrl = resolved.settings.baseUrl ?? this.config.HEYGEN_BASE_URL;
    return this.create({ apiKey: resolved.apiKey, baseUrl, uploadBaseUrl: this.config.HEYGEN_UPLOAD_BASE_URL, fetch: resolved.fetch });
  }

}

/** Provider failures as API errors the screen shows as they are. */
export function avatarFailure(error: unknown): Error {
  if (!(error instanceof AvatarError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'rate-limit') return new AppError('RATE_LIMITED', error.message);
  return new AppError('PROVIDER_FAILED', error.message, { provider: 'heygen', kind: error.kind });
}
