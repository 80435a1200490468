import { queryOptions } from '@tanstack/react-query';
import type { User } from '../../../lib/domain.ts';
import { http, isApiError } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  name?: string;
}

/** The signed-in user, or null when there is no valid session. */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await http.get<User>('/api/auth/me', signal);
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export const login = (credentials: Credentials) => http.post<User>('/api/auth/login', credentials);
export const register = (registration: Registration) => http.post<User>('/api/auth/register', registration);
export const logout = () => http.post<void>('/api/auth/logout');
