import { createPinnedFetch } from '../pinned-fetch.ts';
import { hostKey } from '../resolve-target.ts';

/** The providers' pinned fetch, allowed to reach these local test servers (and no other private host). Test support only. */
export function localFetch(...urls: string[]): typeof fetch {
  return createPinnedFetch({ allowPrivateHosts: urls.map((url) => hostKey(new URL(url))) });
}
