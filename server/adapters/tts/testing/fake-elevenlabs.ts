import { espeakWav, transcode } from './speech-audio.ts';
import { sendJson, startFakeServer } from './fake-server.ts';

/**
 * A local stand-in for api.elevenlabs.io speaking its wire format: GET /v1/voices,
 * POST /v1/text-to-speech/{voice_id}[/with-timestamps]?output_format=..., header xi-api-key.
 * Audio is real speech (espeak-ng, re-encoded to MP3) after `leadSec` of silence; the alignment
 * spreads the characters evenly over the speech. Test support only.
 */
export async function startFakeElevenLabs(options: { apiKey: string; leadSec?: number }) {
  const leadSec = options.leadSec ?? 0.25;
  const failures: Array<{ status: number; body: unknown; headers?: Record<string, string> }> = [];
  const alignments: Array<{ text: string; characters: string[]; starts: number[]; ends: number[] }> = [];

  const server = await startFakeServer(async (request, response) => {
    const failure = failures.shift();
    if (failure) return sendJson(response, failure.status, failure.body, failure.headers);
    if (request.headers['xi-api-key'] !== options.apiKey) {
      return sendJson(response, 401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    }
    if (request.method === 'GET' && request.path === '/v1/voices') return sendJson(response, 200, { voices: VOICES });

    const match = /^\/v1\/text-to-speech\/([^/]+)(\/with-timestamps)?$/.exec(request.path);
    if (request.method !== 'POST' || !match) return sendJson(response, 404, { detail: 'Not Found' });
    const voiceId = decodeURIComponent(match[1]!);
    if (!VOICES.some((v) => v.voice_id === voiceId)) {
      return sendJson(response, 404, { detail: { status: 'voice_not_found', message: `A voice with the voice_id ${voiceId} was not found.` } });
    }
    const body = JSON.parse(request.body) as { text?: string; model_id?: string };
    if (!body.text) return sendJson(response, 422, { detail: [{ loc: ['body', 'text'], msg: 'Field required', type: 'missing' }] });
    if (!(request.query.get('output_format') ?? 'mp3_44100_128').startsWith('mp3_')) {
      return sendJson(response, 400, { detail: { status: 'invalid_output_format', message: 'this fake only produces mp3' } });
    }
    const wav = espeakWav(body.text, /[а-яё]/i.test(body.text) ? 'ru' : 'en-us');
    const mp3 = await transcode(wav, 'mp3', leadSec);
    if (!match[2]) {
      response.writeHead(200, { 'content-type': 'audio/mpeg' }).end(mp3);
      return;
    }
    const { first, last } = speechSpan(wav);
    const characters = [...body.text];
    const step = (last - first) / characters.length;
    const starts = characters.map((_, i) => round(leadSec + first + i * step));
    const ends = characters.map((_, i) => round(leadSec + first + (i + 1) * step));
    alignments.push({ text: body.text, characters, starts, ends });
    const alignment = { characters, character_start_times_seconds: starts, character_end_times_seconds: ends };
    sendJson(response, 200, { audio_base64: mp3.toString('base64'), alignment, normalized_alignment: alignment });
  });

  return {
    ...server,
    alignments,
    /** The next request gets this answer instead. */
    failNext(status: number, body: unknown, headers?: Record<string, string>) {
      failures.push({ status, body, headers });
    },
  };
}

const VOICES = [
  {
    voice_id: '21m00Tcm4TlvDq8ikWAM',
    name: 'Rachel',
    category: 'premade',
    labels: { accent: 'american', gender: 'female', age: 'young', use_case: 'narration' },
    verified_languages: [{ language: 'en', model_id: 'eleven_multilingual_v2', accent: 'american' }],
  },
  {
    voice_id: 'pNInz6obpgDQGcFmaJgB',
    name: 'Adam',
    category: 'premade',
    labels: { gender: 'male', age: 'middle_aged' },
    verified_languages: [
      { language: 'en', model_id: 'eleven_multilingual_v2' },
      { language: 'ru', model_id: 'eleven_multilingual_v2' },
    ],
  },
  { voice_id: 'ru0voice0dmitry', name: 'Dmitry', category: 'professional', labels: { gender: 'male' }, verified_languages: [{ language: 'ru' }] },
];

/** First and last non-silent sample of espeak-ng's 16-bit WAV, in seconds. */
function speechSpan(wav: Buffer): { first: number; last: number } {
  const rate = wav.readUInt32LE(24);
  let first = -1;
  let last = 0;
  for (let i = 0; 44 + i * 2 + 1 < wav.length; i++) {
    if (Math.abs(wav.readInt16LE(44 + i * 2)) > 300) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return { first: Math.max(0, first) / rate, last: last / rate };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
