import { paths } from '../lib/paths.ts';

export interface LoginRedirectState {
  from?: string;
}

/** Where to go after signing in: the page that needed a session, if it is a path of this site. */
export function returnPath(state: unknown): string {
  const from = (state as LoginRedirectState | null | undefined)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return paths.home;
  if (from === paths.login || from === paths.register) return paths.home;
  return from;
}
