import type { Aspect } from '../../../contracts/formats.ts';
import type { Orientation } from '../../../contracts/storyboard-api.ts';
import { PexelsProvider } from '../../adapters/stock/pexels.ts';
import type { PexelsOptions } from '../../adapters/stock/pexels.ts';
import { StockError } from '../../adapters/stock/types.ts';
import type { StockProvider } from '../../adapters/stock/types.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';

export const ORIENTATION_OF: Record<Aspect, Orientation> = { '9:16': 'portrait', '16:9': 'landscape', '1:1': 'square' };
export const LOCALE_OF = { en: 'en-US', ru: 'ru-RU' } as const;

export type CreateStockProvider = (options: PexelsOptions) => StockProvider;

/** The user's Pexels (their own key) or the operator's; null when neither is configured. */
export class StockProviders {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly create: CreateStockProvider = (options) => new PexelsProvider(options),
  ) {}

  async configured(userId: string): Promise<boolean> {
    return Boolean((await this.credentials.resolve(userId, 'pexels'))?.apiKey);
  }

  async forUser(userId: string): Promise<StockProvider> {
    const resolved = await this.credentials.resolve(userId, 'pexels');
    if (resolved?.unavailable) throw new AppError('PROVIDER_NOT_CONFIGURED', resolved.unavailable, { provider: 'pexels' });
    if (!resolved?.apiKey) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'Stock search needs a Pexels API key: add yours in the provider settings (it is free at pexels.com/api), or ask the operator to set PEXELS_API_KEY',
      );
    }
    const baseUrl = resolved.settings.baseUrl ?? this.config.PEXELS_BASE_URL;
    return this.create({ apiKey: resolved.apiKey, baseUrl, fetch: resolved.fetch });
  }

}

/** Provider failures as API errors the screen can show as they are. */
export function stockFailure(error: unknown): Error {
  if (!(error instanceof StockError)) return error instanceof Error ? error : new Error(String(error));
  switch (error.kind) {
    case 'rate-limit':
      return new AppError('RATE_LIMITED', error.message, undefined, error.retryAfterSec ? { 'retry-after': String(error.retryAfterSec) } : undefined);
    case 'not-found':
      return new AppError('NOT_FOUND', error.message);
    default:
      return new AppError('PROVIDER_FAILED', error.message, { provider: 'pexels', kind: error.kind });
  }
}
