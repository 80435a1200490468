import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { ResolvedAddress } from './resolve-target.ts';

export interface RequestOnceOptions {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Extra certificate authorities to trust (PEM), e.g. a corporate proxy's or a test server's. */
  ca?: string | Buffer;
  /** GET unless set; a body is sent as is. */
  method?: string;
  body?: Buffer;
}

/**
 * One request (GET unless told) to `url`, connecting to the already validated `target` address. The host name stays in
 * the URL, so the Host header and TLS SNI/certificate checks use it, while the pinned lookup makes
 * sure the socket goes to the address that was checked (no second DNS answer, no rebinding).
 */
export function requestOnce(url: URL, target: ResolvedAddress, options: RequestOnceOptions): Promise<IncomingMessage> {
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) {
      (callback as unknown as (err: null, addresses: ResolvedAddress[]) => void)(null, [target]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const isHttps = url.protocol === 'https:';
  const requestOptions: https.RequestOptions = {
    protocol: url.protocol,
    hostname,
    port: url.port || (isHttps ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: options.method ?? 'GET',
    headers: options.headers,
    lookup: pinnedLookup,
    agent: false,
    signal: options.signal,
  };
  if (isHttps) {
    if (isIP(hostname) === 0) requestOptions.servername = hostname;
    if (options.ca) requestOptions.ca = options.ca;
  }
  const transport = isHttps ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(requestOptions, resolve);
    request.on('error', reject);
    request.end(options.body);
  });
}
