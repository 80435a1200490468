import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedAddressReason, blockedHostnameReason } from './ip-policy.ts';
import { SafeFetchError } from './safe-fetch-error.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses; injectable so tests can simulate hostile DNS answers. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** "host:port" as matched against the allow-list; IPv6 hosts keep their brackets ("[::1]:8080"). */
export function hostKey(url: URL): string {
  return `${url.hostname.toLowerCase()}:${defaultPort(url)}`;
}

export function parseTargetUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new SafeFetchError('BAD_URL', `"${String(raw).slice(0, 200)}" is not a valid URL`, String(raw));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('BAD_URL', `only http and https URLs can be fetched, not ${url.protocol}`, url.href);
  }
  if (url.username || url.password) {
    throw new SafeFetchError('BAD_URL', 'URLs with a user name or password are not fetched', url.href);
  }
  if (!url.hostname) throw new SafeFetchError('BAD_URL', 'the URL has no host', url.href);
  return url;
}

/**
 * Decides which address the request will connect to. Every answer for the name must be public:
 * a name that resolves to one public and one private address is refused, so a resolver that
 * alternates answers cannot slip a private one in. Hosts in `allowPrivateHosts` skip the address
 * policy (tests only) but are still resolved once and pinned.
 */
export async function resolveTarget(url: URL, resolver: Resolver, allowPrivateHosts: ReadonlySet<string>): Promise<ResolvedAddress> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = allowPrivateHosts.has(hostKey(url));
  const refuse = (reason: string): never => {
    throw new SafeFetchError('BLOCKED_ADDRESS', `refused to fetch ${url.host}: it points to ${reason}`, url.href);
  };

  const ipFamily = isIP(literal);
  if (ipFamily !== 0) {
    const reason = allowed ? null : blockedAddressReason(literal);
    if (reason) refuse(reason);
    return { address: literal, family: ipFamily === 6 ? 6 : 4 };
  }

  const nameReason = allowed ? null : blockedHostnameReason(literal);
  if (nameReason) refuse(nameReason);

  let answers: ResolvedAddress[];
  try {
    answers = await resolver(literal);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOTFOUND' ? 'the name does not exist' : (code ?? (error as Error).message);
    throw new SafeFetchError('DNS', `could not resolve ${literal}: ${why}`, url.href);
  }
  if (answers.length === 0) throw new SafeFetchError('DNS', `could not resolve ${literal}: no addresses`, url.href);
  if (!allowed) {
    for (const answer of answers) {
      const reason = blockedAddressReason(answer.address);
      if (reason) refuse(`${reason} (${literal} resolves to ${answer.address})`);
    }
  }
  return answers[0] as ResolvedAddress;
}
