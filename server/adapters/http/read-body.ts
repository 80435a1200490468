import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body exceeds ${limit} bytes`);
  }
}

/** The body with its Content-Encoding undone. */
export function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

/** Reads the (decompressed) body, aborting as soon as it passes `maxBytes` (so a zip bomb stops early). */
export async function readBodyLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(buffer);
    }
  } finally {
    if (total > maxBytes || !response.complete) {
      response.destroy();
      stream.destroy();
    }
  }
  return Buffer.concat(chunks);
}
