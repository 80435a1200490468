import type { AddReadingBody, Advice, Dashboard, ProjectPerformance, Publication, PublicationBody } from '../../../../../contracts/performance.ts';
import { http, request } from '../../../lib/http.ts';

export type { AddReadingBody, Advice, Dashboard, ProjectPerformance, Publication, PublicationBody };
export { PLATFORMS, METRIC_FIELDS } from '../../../../../contracts/performance.ts';
export type { Platform, Prediction, Trend, MetricReading } from '../../../../../contracts/performance.ts';

const enc = encodeURIComponent;

export const getProjectPerformance = (projectId: string, signal?: AbortSignal) => http.get<ProjectPerformance>(`/api/projects/${enc(projectId)}/performance`, signal);
export const addPublication = (projectId: string, body: PublicationBody) => http.post<Publication>(`/api/projects/${enc(projectId)}/publications`, body);
export const removePublication = (publicationId: string) => http.delete(`/api/publications/${enc(publicationId)}`);
export const addReading = (publicationId: string, body: AddReadingBody) => http.post<Publication>(`/api/publications/${enc(publicationId)}/readings`, body);
export const importCsv = (publicationId: string, csv: string) => http.post<{ imported: number; publication: Publication }>(`/api/publications/${enc(publicationId)}/readings/csv`, { csv });
export const removeReading = (publicationId: string, readingId: string) => http.delete(`/api/publications/${enc(publicationId)}/readings/${enc(readingId)}`);
export const refreshPublication = (publicationId: string) => http.post<Publication>(`/api/publications/${enc(publicationId)}/refresh`);
export const getDashboard = (signal?: AbortSignal) => http.get<Dashboard>('/api/performance', signal);
export const summarise = (language: 'en' | 'ru') => request<Advice>('POST', '/api/performance/summary', { body: { language } });
