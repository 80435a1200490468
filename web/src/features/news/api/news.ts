import type { Job } from '../../../../../contracts/jobs.ts';
import type { Feed, NewsArticle, NewsItem, NewsPage, NewsQuery } from '../../../../../contracts/news.ts';
import type { Project } from '../../../lib/domain.ts';
import { http, request } from '../../../lib/http.ts';

export type { Feed, Job, NewsArticle, NewsItem, NewsPage, NewsQuery };

export const listFeeds = (signal?: AbortSignal) => http.get<Feed[]>('/api/feeds', signal);
export const addFeed = (url: string) => http.post<Feed>('/api/feeds', { url });
export const removeFeed = (feedId: string) => http.delete(`/api/feeds/${encodeURIComponent(feedId)}`);
export const refreshFeeds = () => http.post<Job[]>('/api/feeds/refresh');
export const getJob = (jobId: string, signal?: AbortSignal) => http.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`, signal);

export function listNews(query: NewsQuery, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return http.get<NewsPage>(`/api/news${text ? `?${text}` : ''}`, signal);
}

export const updateNewsItem = (itemId: string, flags: { favourite?: boolean; dismissed?: boolean }) =>
  request<NewsItem>('PATCH', `/api/news/${encodeURIComponent(itemId)}`, { body: flags });

export const getArticle = (itemId: string, signal?: AbortSignal) => http.get<NewsArticle>(`/api/news/${encodeURIComponent(itemId)}/article`, signal);

/** `idempotencyKey`: the same for repeats of one click, so the server makes one project. */
export const makeProject = ({ itemId, idempotencyKey }: { itemId: string; idempotencyKey: string }) =>
  http.post<Project>(`/api/news/${encodeURIComponent(itemId)}/project`, {}, { 'idempotency-key': idempotencyKey });
