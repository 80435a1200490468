import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runFfmpeg } from '../../../adapters/ffmpeg/run.ts';
import { type RecordedRequest, sendJson, startFakeServer } from '../../../adapters/tts/testing/fake-server.ts';

const execFileAsync = promisify(execFile);

export const SPOKEN_TEXT = 'The city opened a new bridge over the river on Monday. Thousands of people walked across it in the morning.';

/** A short vertical MP4 whose sound is `text` spoken by espeak-ng (the offline voice), over a coloured picture. */
export async function speechClip(text = SPOKEN_TEXT, options: { voice?: string; colour?: string } = {}): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'media-source-'));
  try {
    await execFileAsync('espeak-ng', ['-v', options.voice ?? 'en', '-s', '170', '-w', join(dir, 'speech.wav'), text]);
    await runFfmpeg([
      '-y', '-f', 'lavfi', '-i', `color=c=${options.colour ?? 'teal'}:s=270x480:r=15`, '-i', join(dir, 'speech.wav'),
      '-shortest', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', join(dir, 'clip.mp4'),
    ]);
    return await readFile(join(dir, 'clip.mp4'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Verbose JSON as OpenAI's /v1/audio/transcriptions sends it, with a time for every word. */
export function verboseTranscript(text = SPOKEN_TEXT, language = 'english') {
  const words = text.split(/\s+/).map((word, i) => ({ word: word.replace(/[.,!?]$/, ''), start: i * 0.35, end: i * 0.35 + 0.3 }));
  return { task: 'transcribe', language, duration: words.length * 0.35, text, words, segments: [{ id: 0, start: 0, end: words.length * 0.35, text }] };
}

/** A fake OpenAI-compatible transcription server: checks the request as OpenAI would, answers verbose JSON. */
export async function startFakeTranscriber(options: { apiKey?: string; text?: string; language?: string } = {}) {
  return startFakeServer((request: RecordedRequest, response) => {
    if (request.method !== 'POST' || request.path !== '/v1/audio/transcriptions') return sendJson(response, 404, { error: { message: 'not found' } });
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) return sendJson(response, 401, { error: { message: 'Incorrect API key provided: secret-detail' } });
    const field = (name: string) => new RegExp(`name="${name.replace(/[[\]]/g, '\\$&')}"\\r\\n\\r\\n([^\\r]*)`).exec(request.body)?.[1];
    const isMultipart = String(request.headers['content-type']).startsWith('multipart/form-data');
    if (!isMultipart || !field('model') || field('response_format') !== 'verbose_json' || field('timestamp_granularities[]') !== 'word' || !request.body.includes('RIFF')) {
      return sendJson(response, 400, { error: { message: 'bad request: secret-detail' } });
    }
    sendJson(response, 200, verboseTranscript(options.text, options.language));
  });
}
