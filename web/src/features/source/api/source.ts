import type { NewsPage } from '../../../../../contracts/news.ts';
import type { Article, ApplySourceBody } from '../../../../../contracts/sources.ts';
import type { Project, Step } from '../../../lib/domain.ts';
import { ApiError, http } from '../../../lib/http.ts';

export type { Article, ApplySourceBody };

export const importSource = (body: { url: string } | { text: string }) => http.post<Article>('/api/sources/import', body);

/** Uploads an .html/.txt/.md file for import (multipart: the JSON helper does not apply). */
export async function importFile(file: File): Promise<Article> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/sources/import/file', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
  }
  const payload = (await response.json().catch(() => null)) as { error?: { code: ApiError['code']; message: string; details?: unknown } } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? `HTTP ${response.status}`, error?.details);
  }
  return payload as unknown as Article;
}

/** Follows a feed (the import offers it when a feed's address was pasted as an article). */
export const addFeed = (url: string) => http.post<{ id: string }>('/api/feeds', { url });

export const applySource = (projectId: string, body: ApplySourceBody) =>
  http.post<{ project: Project; steps: Step[] }>(`/api/projects/${encodeURIComponent(projectId)}/source`, body);

export const searchNews = (q: string, signal?: AbortSignal) => {
  const query = new URLSearchParams({ limit: '20' });
  if (q.trim()) query.set('q', q.trim());
  return http.get<NewsPage>(`/api/news?${query}`, signal);
};
