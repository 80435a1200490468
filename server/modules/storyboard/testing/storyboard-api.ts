import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Asset } from '../../../../contracts/assets.ts';
import type { StoryboardView } from '../../../../contracts/storyboard-api.ts';
import { runFfmpeg } from '../../../adapters/ffmpeg/run.ts';
import { multipart, voiceApi } from '../../voice/testing/voice-api.ts';

export const SCENES = [
  { id: 'hook', text: 'Tides rise twice a day because the moon pulls the oceans.' },
  { id: 'body', text: 'The water bulges on the side facing the moon and on the far side too.' },
  { id: 'cta', text: 'Follow for more science explained in a minute.' },
];

/** API helpers for stage 6 tests over app.inject. */
export function storyboardApi(app: FastifyInstance, cookie: string) {
  const voice = voiceApi(app, cookie);
  const { call } = voice;

  async function projectWithScript(scenes = SCENES, language: 'en' | 'ru' = 'en') {
    return voice.projectWithScript(language, scenes);
  }

  const view = async (projectId: string) => {
    const response = await call('GET', `/api/projects/${projectId}/storyboard`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as unknown as StoryboardView;
  };

  const patchScene = (projectId: string, sceneId: string, body: unknown) => call('PATCH', `/api/projects/${projectId}/storyboard/scenes/${sceneId}`, body);

  async function upload(projectId: string, kind: 'image' | 'video' | 'music', data: Buffer, filename: string, contentType = 'application/octet-stream') {
    const body = multipart(data, filename, contentType);
    const response = await app.inject({ method: 'POST', url: `/api/projects/${projectId}/assets?kind=${kind}`, headers: { cookie, ...body.headers }, payload: body.payload });
    return { status: response.statusCode, body: response.json() as Asset & { error?: { code: string; message: string } } };
  }

  async function preview(projectId: string, query: string) {
    const response = await app.inject({ method: 'GET', url: `/api/projects/${projectId}/storyboard/preview?${query}`, headers: { cookie } });
    return { status: response.statusCode, headers: response.headers, png: response.rawPayload, json: () => response.json() as { error: { code: string; message: string } } };
  }

  return { ...voice, cookie, projectWithScript, view, patchScene, upload, preview };
}

/** A picture of one colour, easy to find again in a rendered frame. */
export function solidImage(colour: string, width = 800, height = 1200, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

/** Mean colour of the middle of a picture (a box a fifth of its size), away from captions at the bottom. */
export async function centreColour(png: Buffer): Promise<[number, number, number]> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const box = { left: Math.round(width * 0.4), top: Math.round(height * 0.35), width: Math.round(width * 0.2), height: Math.round(height * 0.2) };
  const { channels } = await sharp(png).extract(box).removeAlpha().stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Largest per-channel difference between two colours. */
export const colourDistance = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** A PNG whose header claims width x height with no real pixel data: cheap to make, refused from the header. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(0))), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Media made with ffmpeg, read back as bytes. */
async function ffmpegBytes(args: string[], name: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'storyboard-media-'));
  try {
    await runFfmpeg(['-y', ...args, join(dir, name)]);
    return await readFile(join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An animated GIF: a few frames of one colour, then another. */
export const animatedGif = (first: string, second: string) =>
  ffmpegBytes(['-f', 'lavfi', '-i', `color=c=${first}:s=320x480:r=4:d=1`, '-f', 'lavfi', '-i', `color=c=${second}:s=320x480:r=4:d=1`, '-filter_complex', '[0][1]concat=n=2:v=1[v]', '-map', '[v]'], 'anim.gif');

export const videoClip = (colour: string, seconds: number) =>
  ffmpegBytes(['-f', 'lavfi', '-i', `color=c=${colour}:s=540x960:r=25:d=${seconds}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'], 'clip.mp4');

export const musicTone = (seconds: number, frequency = 3000) =>
  ffmpegBytes(['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}:sample_rate=48000`, '-c:a', 'pcm_s16le'], 'music.wav');
