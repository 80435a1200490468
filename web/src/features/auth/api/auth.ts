import { queryOptions } from '@tanstack/react-query';
import type { RegistrationAccepted, User } from '../../../lib/domain.ts';
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
/**
 * Registration answers alike whether or not the email was free (so it tells nobody who has an
 * account) and signs nobody in: signing in next with the same details finishes it. A 401 there
 * means no account was created with these details. Servers that reveal taken emails sign in at once.
 */
export async function register(registration: Registration): Promise<User> {
  const answer = await http.post<User | RegistrationAccepted>('/api/auth/register', registration);
  if (!('status' in answer)) return answer;
  return login({ email: registration.email, password: registration.password });
}
export const logout = () => http.post<void>('/api/auth/logout');
/** Saves the interface language on the account: the server answers in it where a request names none. */
export const saveLanguage = (language: 'en' | 'ru') => http.patch<User>('/api/auth/me', { language });
