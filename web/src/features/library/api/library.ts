import type { Job } from '../../../../../contracts/jobs.ts';
import type { LibraryComparison, LibraryEntry, LibraryEntryDetail, LibraryQuery } from '../../../../../contracts/library.ts';
import type { Project } from '../../../lib/domain.ts';
import { http, request } from '../../../lib/http.ts';

export type { LibraryComparison, LibraryEntry, LibraryEntryDetail, LibraryQuery };

const entry = (id: string) => `/api/library/${encodeURIComponent(id)}`;

export function listLibrary(query: LibraryQuery, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return http.get<LibraryEntry[]>(`/api/library${text ? `?${text}` : ''}`, signal);
}

export const getEntry = (id: string, signal?: AbortSignal) => http.get<LibraryEntryDetail>(entry(id), signal);
export const compareVersions = (id: string, from: number, to: number, signal?: AbortSignal) => http.get<LibraryComparison>(`${entry(id)}/compare?from=${from}&to=${to}`, signal);
export const updateEntry = (id: string, changes: { title?: string; tags?: string[] }) => request<LibraryEntry>('PATCH', entry(id), { body: changes });
export const deleteEntry = (id: string) => http.delete(entry(id));
export const produce = (id: string) => http.post<{ project: Project; makeJob: Job | null }>(`${entry(id)}/produce`, {});
