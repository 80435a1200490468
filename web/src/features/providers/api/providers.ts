import type { ProviderId, ProviderSettings, ProviderStatus } from '../../../../../contracts/providers.ts';
import type { WriterKind } from '../../../../../contracts/writer.ts';
import { http, request } from '../../../lib/http.ts';

export type { ProviderId, ProviderSettings, ProviderStatus };

export interface WriterChoice {
  kind: WriterKind;
  source: 'user' | 'server';
  model: string | null;
  baseUrl: string | null;
}

export const listProviders = (signal?: AbortSignal) => http.get<ProviderStatus[]>('/api/providers', signal);
export const getWriter = (signal?: AbortSignal) => http.get<WriterChoice>('/api/writer', signal);

/** apiKey: absent keeps the stored key, null removes it. */
export const saveProvider = (provider: ProviderId, body: { apiKey?: string | null; settings?: ProviderSettings }) =>
  request<ProviderStatus>('PUT', `/api/providers/${encodeURIComponent(provider)}`, { body });

export const removeProvider = (provider: ProviderId) => http.delete(`/api/providers/${encodeURIComponent(provider)}`);
