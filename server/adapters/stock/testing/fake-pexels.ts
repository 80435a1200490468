import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runFfmpeg } from '../../ffmpeg/run.ts';

/*
 * A local stand-in for api.pexels.com and its media hosts, speaking the documented wire format:
 * GET /v1/search, /videos/search, /v1/photos/:id, /videos/videos/:id with the key in the
 * Authorization header; photos[].src.{original,large2x,large,medium,small,portrait,landscape,tiny},
 * videos[].video_files[{id,quality,file_type,width,height,fps,link}], user {id,name,url}. The media
 * links point back at this server, which answers with real JPEGs and MP4s of one solid colour.
 * Test support only (unit tests and the browser tests).
 */

export interface FakePhoto {
  id: number;
  width: number;
  height: number;
  /** The solid colour of the picture, e.g. "#1e90ff". */
  colour: string;
  photographer: string;
  alt?: string;
}

export interface FakeVideo {
  id: number;
  colour: string;
  durationSec: number;
  /** Renditions offered, e.g. [{width: 540, height: 960, quality: 'sd'}, {width: 1080, height: 1920, quality: 'hd'}]. */
  files: Array<{ width: number; height: number; quality: 'sd' | 'hd' | 'uhd' }>;
  author: string;
}

export interface FakePexelsRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export interface FakePexelsOptions {
  apiKey: string;
  photos?: FakePhoto[];
  videos?: FakeVideo[];
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Pexels' photo sizes: the box each one fits the photo into (crop sizes are cut to exactly that box). */
const PHOTO_SIZES = {
  large2x: { w: 940, h: 650, dpr: 2, crop: false },
  large: { w: 940, h: 650, dpr: 1, crop: false },
  medium: { w: 0, h: 350, dpr: 1, crop: false },
  small: { w: 0, h: 130, dpr: 1, crop: false },
  portrait: { w: 800, h: 1200, dpr: 1, crop: true },
  landscape: { w: 1200, h: 627, dpr: 1, crop: true },
  tiny: { w: 280, h: 200, dpr: 1, crop: true },
} as const;

export function createFakePexels(options: FakePexelsOptions, origin: () => string) {
  const photos = options.photos ?? [];
  const videos = options.videos ?? [];
  const requests: FakePexelsRequest[] = [];
  const failures: Array<{ status: number; body: string }> = [];
  const videoFiles = new Map<string, Promise<Buffer>>();

  const photoJson = (photo: FakePhoto) => {
    const file = `${origin()}/photos/${photo.id}/pexels-photo-${photo.id}.jpeg`;
    const sized = (name: keyof typeof PHOTO_SIZES) => {
      const s = PHOTO_SIZES[name];
      const params = new URLSearchParams({ auto: 'compress', cs: 'tinysrgb' });
      if (s.dpr > 1) params.set('dpr', String(s.dpr));
      if (s.crop) params.set('fit', 'crop');
      params.set('h', String(s.h));
      if (s.w) params.set('w', String(s.w));
      return `${file}?${params}`;
    };
    return {
      id: photo.id,
      width: photo.width,
      height: photo.height,
      url: `https://www.pexels.com/photo/${slug(photo.alt ?? 'photo')}-${photo.id}/`,
      photographer: photo.photographer,
      photographer_url: `https://www.pexels.com/@${slug(photo.photographer)}`,
      photographer_id: photo.id * 7,
      avg_color: photo.colour.toUpperCase(),
      src: Object.fromEntries([['original', file], ...Object.keys(PHOTO_SIZES).map((name) => [name, sized(name as keyof typeof PHOTO_SIZES)])]),
      liked: false,
      alt: photo.alt ?? '',
    };
  };

  const videoJson = (video: FakeVideo) => {
    const largest = video.files.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
    return {
      id: video.id,
      width: largest.width,
      height: largest.height,
      duration: video.durationSec,
      full_res: null,
      tags: [],
      url: `https://www.pexels.com/video/clip-${video.id}/`,
      image: `${origin()}/videos/${video.id}/pictures/preview-0.jpeg`,
      avg_color: null,
      user: { id: video.id * 3, name: video.author, url: `https://www.pexels.com/@${slug(video.author)}` },
      video_files: video.files.map((file, index) => ({
        id: video.id * 10 + index,
        quality: file.quality,
        file_type: 'video/mp4',
        width: file.width,
        height: file.height,
        fps: 25,
        link: `${origin()}/video-files/${video.id}/${video.id}-${file.quality}_${file.width}_${file.height}_25fps.mp4`,
      })),
      video_pictures: [{ id: video.id * 100, nr: 0, picture: `${origin()}/videos/${video.id}/pictures/preview-0.jpeg` }],
    };
  };

  const page = <T>(items: T[], query: URLSearchParams, path: string) => {
    const pageNumber = Math.max(1, Number(query.get('page') ?? 1));
    const perPage = Math.min(80, Math.max(1, Number(query.get('per_page') ?? 15)));
    const slice = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const more = pageNumber * perPage < items.length;
    const next = new URLSearchParams(query);
    next.set('page', String(pageNumber + 1));
    return { slice, meta: { page: pageNumber, per_page: perPage, total_results: items.length, ...(more ? { next_page: `https://api.pexels.com${path}?${next}` } : {}) } };
  };

  const jpeg = (colour: string, width: number, height: number) =>
    sharp({ create: { width: Math.max(1, width), height: Math.max(1, height), channels: 3, background: colour } }).jpeg({ quality: 90 }).toBuffer();

  async function videoFile(video: FakeVideo, width: number, height: number): Promise<Buffer> {
    const key = `${video.id}:${width}x${height}`;
    let file = videoFiles.get(key);
    if (!file) {
      file = (async () => {
        const dir = await mkdtemp(join(tmpdir(), 'fake-pexels-'));
        try {
          const out = join(dir, 'clip.mp4');
          const source = `color=c=${video.colour}:s=${width}x${height}:r=25:d=${video.durationSec}`;
          await runFfmpeg(['-y', '-f', 'lavfi', '-i', source, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', out]);
          return await readFile(out);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      })();
      videoFiles.set(key, file);
    }
    return file;
  }

  const json = (response: ServerResponse, status: number, body: unknown): true => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    return true;
  };

  /** Answers a request if it is one of Pexels'; false when the path is not (the caller may serve it). */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://fake.pexels');
    const { pathname: path, searchParams: query } = url;
    const isApi = path.startsWith('/v1/') || path.startsWith('/videos/search') || path.startsWith('/videos/videos/');
    const isMedia = path.startsWith('/photos/') || path.startsWith('/video-files/') || /^\/videos\/\d+\/pictures\//.test(path);
    if (!isApi && !isMedia) return false;
    requests.push({ method: request.method ?? 'GET', path, query, authorization: request.headers.authorization });

    if (isMedia) {
      const photo = /^\/photos\/(\d+)\//.exec(path);
      if (photo) {
        const found = photos.find((p) => p.id === Number(photo[1]));
        if (!found) return json(response, 404, { error: 'Not found' });
        const size = photoSize(found, query);
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(await jpeg(found.colour, size.width, size.height));
        return true;
      }
      const picture = /^\/videos\/(\d+)\/pictures\//.exec(path);
      const file = /^\/video-files\/(\d+)\/\d+-\w+_(\d+)_(\d+)_25fps\.mp4$/.exec(path);
      const video = videos.find((v) => v.id === Number((picture ?? file)?.[1]));
      if (!video) return json(response, 404, { error: 'Not found' });
      if (picture) {
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(await jpeg(video.colour, 480, 270));
        return true;
      }
      const bytes = await videoFile(video, Number(file![2]), Number(file![3]));
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(bytes.length) }).end(bytes);
      return true;
    }

    const failure = failures.shift();
    if (failure) {
      response.writeHead(failure.status, { 'content-type': 'application/json' }).end(failure.body);
      return true;
    }
    if (request.headers.authorization !== options.apiKey) return json(response, 401, { error: 'Unauthorized' });

    if (path === '/v1/search' || path === '/videos/search') {
      if (!query.get('query')) return json(response, 400, { error: 'query is required' });
      const orientation = query.get('orientation');
      const matches = (w: number, h: number) =>
        !orientation || (orientation === 'portrait' ? h > w : orientation === 'landscape' ? w > h : orientation === 'square' ? w === h : true);
      if (path === '/v1/search') {
        const { slice, meta } = page(photos.filter((p) => matches(p.width, p.height)), query, path);
        return json(response, 200, { ...meta, photos: slice.map(photoJson) });
      }
      const chosen = videos.filter((v) => v.files.some((f) => matches(f.width, f.height)));
      const { slice, meta } = page(chosen, query, path);
      return json(response, 200, { ...meta, url: `https://www.pexels.com/search/videos/${encodeURIComponent(query.get('query')!)}/`, videos: slice.map(videoJson) });
    }
    const onePhoto = /^\/v1\/photos\/(\d+)$/.exec(path);
    if (onePhoto) {
      const found = photos.find((p) => p.id === Number(onePhoto[1]));
      return json(response, found ? 200 : 404, found ? photoJson(found) : { error: 'Not Found' });
    }
    const oneVideo = /^\/videos\/videos\/(\d+)$/.exec(path);
    if (oneVideo) {
      const found = videos.find((v) => v.id === Number(oneVideo[1]));
      return json(response, found ? 200 : 404, found ? videoJson(found) : { error: 'Not Found' });
    }
    return json(response, 404, { error: 'Not Found' });
  }

  return {
    handle,
    requests,
    /** The next API request (not media) answers with this status and body. */
    failNext(status: number, body: unknown = { error: `HTTP ${status}` }) {
      failures.push({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
    },
  };
}

function photoSize(photo: FakePhoto, query: URLSearchParams): { width: number; height: number } {
  const h = Number(query.get('h') ?? 0);
  const w = Number(query.get('w') ?? 0);
  const dpr = Number(query.get('dpr') ?? 1);
  if (!h && !w) return { width: photo.width, height: photo.height };
  if (query.get('fit') === 'crop') return { width: w * dpr, height: h * dpr };
  const scale = Math.min(w ? (w * dpr) / photo.width : Infinity, h ? (h * dpr) / photo.height : Infinity, 1);
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) };
}

/** The fake on its own server, on 127.0.0.1 (port 0: any free one). */
export async function startFakePexels(options: FakePexelsOptions & { port?: number }) {
  let origin = '';
  const fake = createFakePexels(options, () => origin);
  const server = createServer((request, response) => {
    fake.handle(request, response).then(
      (handled) => (handled ? undefined : response.writeHead(404).end()),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests: fake.requests, failNext: fake.failNext, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
