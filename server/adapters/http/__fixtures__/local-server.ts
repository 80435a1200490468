import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { ServerOptions as TlsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  port: number;
  /** "127.0.0.1:port", the allow-list entry for this server. */
  hostKey: string;
  origin: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts an HTTP(S) server on 127.0.0.1, port 0, for tests; it records every request it gets. */
export async function startLocalServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  tls?: TlsServerOptions,
): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const listener: RequestListener = (req, res) => {
    requests.push(req);
    handler(req, res);
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hostKey: `127.0.0.1:${port}`,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
