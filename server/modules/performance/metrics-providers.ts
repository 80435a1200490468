import { InstagramMetrics } from '../../adapters/metrics/instagram.ts';
import type { MetricsHttpOptions } from '../../adapters/metrics/metrics-http.ts';
import { YouTubeMetrics } from '../../adapters/metrics/youtube.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';

export type MetricsPlatform = 'youtube' | 'instagram';
export const PROVIDER_PLATFORMS: MetricsPlatform[] = ['youtube', 'instagram'];

export interface MetricsClients {
  youtube: YouTubeMetrics;
  instagram: InstagramMetrics;
}

/**
 * The user's own YouTube key or Instagram token, else the operator's; null when neither exists
 * (the scheduled refresh then skips quietly). Keys go only where CredentialsService allows.
 */
export class MetricsProviders {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly http: Pick<MetricsHttpOptions, 'sleep' | 'maxAttempts'> = {},
  ) {}

  async forUser<P extends MetricsPlatform>(userId: string, platform: P): Promise<MetricsClients[P] | null> {
    const resolved = await this.credentials.resolve(userId, platform);
    if (resolved?.unavailable) throw new AppError('PROVIDER_NOT_CONFIGURED', resolved.unavailable, { provider: platform });
    if (!resolved?.apiKey) return null;
    const common = { fetch: resolved.fetch, ...this.http };
    if (platform === 'youtube') {
      return new YouTubeMetrics({ ...common, apiKey: resolved.apiKey, baseUrl: resolved.settings.baseUrl ?? this.config.YOUTUBE_BASE_URL }) as MetricsClients[P];
    }
    return new InstagramMetrics({ ...common, accessToken: resolved.apiKey, baseUrl: resolved.settings.baseUrl ?? this.config.INSTAGRAM_BASE_URL }) as MetricsClients[P];
  }
}
