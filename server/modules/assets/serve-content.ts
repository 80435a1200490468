import type { FastifyReply } from 'fastify';
import type { ByteRange } from '../../adapters/storage/media-store.ts';
import type { AssetsService } from './assets.service.ts';

type Content = Awaited<ReturnType<AssetsService['contentOf']>>;

/**
 * The one byte range a Range header asks for; null for the whole file (no header, several
 * ranges, or a unit other than bytes: all of which HTTP lets a server answer with 200), or
 * 'unsatisfiable' when it starts past the end.
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Math.min(Number(match[2]), size);
    return suffix === 0 ? 'unsatisfiable' : { start: size - suffix, end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Streams an asset from the media store, whole or one range; user content never runs as a page. */
export async function sendAssetContent(reply: FastifyReply, content: Content, rangeHeader: string | undefined, downloadName: string | null): Promise<FastifyReply> {
  const { asset, size } = content;
  reply.header('content-type', asset.mime);
  reply.header('cache-control', 'private, max-age=3600');
  reply.header('accept-ranges', 'bytes');
  if (downloadName) reply.header('content-disposition', `attachment; filename="${downloadName}"`);
  const range = requestedRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${size}`).send();
  }
  if (range) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
    reply.header('content-length', range.end - range.start + 1);
  } else {
    reply.header('content-length', size);
  }
  if (size === 0) return reply.send('');
  return reply.send(await content.open(range ?? undefined));
}
