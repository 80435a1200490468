import { spawnSync } from 'node:child_process';
import { ffmpegToBuffer } from '../../ffmpeg/audio.ts';

/** Real speech for fake provider servers: espeak-ng's WAV for the text. Test support only. */
export function espeakWav(text: string, voice = 'en-us'): Buffer {
  const result = spawnSync('espeak-ng', ['-v', voice, '-b', '1', '--stdin', '--stdout'], { input: text, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`espeak-ng failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Re-encodes audio with ffmpeg, optionally after `leadSec` of silence. */
export async function transcode(wav: Buffer, format: 'mp3' | 'wav' | 'ogg', leadSec = 0): Promise<Buffer> {
  const codec = { mp3: ['-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3'], wav: ['-c:a', 'pcm_s16le', '-f', 'wav'], ogg: ['-c:a', 'libopus', '-f', 'ogg'] }[format];
  const delay = leadSec > 0 ? ['-af', `adelay=${Math.round(leadSec * 1000)}:all=1`] : [];
  // Opus only encodes 48 kHz (and lower rates providers do not use).
  const rate = format === 'ogg' ? '48000' : '44100';
  return ffmpegToBuffer(['-i', 'pipe:0', ...delay, '-ar', rate, '-ac', '1', ...codec, 'pipe:1'], { input: wav });
}
