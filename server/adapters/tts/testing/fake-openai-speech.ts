import { espeakWav, transcode } from './speech-audio.ts';
import { sendJson, startFakeServer } from './fake-server.ts';

export interface FakeOpenAiOptions {
  /** Required Bearer token; none means the server is open, like a self-hosted Kokoro. */
  apiKey?: string;
  /** Kokoro-FastAPI's GET /v1/audio/voices: 'objects' ([{id, name}]), 'strings' (legacy) or absent like OpenAI. */
  voiceList?: 'objects' | 'strings' | 'none';
}

const KOKORO_VOICES = ['af_bella', 'am_adam', 'bf_emma', 'ff_siwis'];

/**
 * A local OpenAI-compatible speech server (OpenAI /v1/audio/speech; Kokoro-FastAPI extras).
 * Answers with real speech from espeak-ng in the requested response_format. Test support only.
 */
export async function startFakeOpenAiSpeech(options: FakeOpenAiOptions = {}) {
  const failures: Array<{ status: number; body: unknown; headers?: Record<string, string>; contentType?: string }> = [];
  const server = await startFakeServer(async (request, response) => {
    const failure = failures.shift();
    if (failure) return sendJson(response, failure.status, failure.body, failure.headers);
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(response, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (request.method === 'GET' && request.path === '/v1/audio/voices' && (options.voiceList ?? 'none') !== 'none') {
      const voices = options.voiceList === 'strings' ? KOKORO_VOICES : KOKORO_VOICES.map((id) => ({ id, name: id }));
      return sendJson(response, 200, { voices });
    }
    if (request.method !== 'POST' || request.path !== '/v1/audio/speech') return sendJson(response, 404, { detail: 'Not Found' });
    const body = JSON.parse(request.body) as { model?: string; input?: string; voice?: string; speed?: number; response_format?: string };
    if (!body.input || !body.voice || !body.model) {
      return sendJson(response, 400, { error: { message: 'model, input and voice are required', type: 'invalid_request_error' } });
    }
    const format = body.response_format ?? 'mp3';
    if (format !== 'mp3' && format !== 'wav' && format !== 'opus') {
      return sendJson(response, 400, { error: { message: `this fake does not produce ${format}`, type: 'invalid_request_error' } });
    }
    const wav = espeakWav(body.input, /[а-яё]/i.test(body.input) ? 'ru' : 'en-us');
    const audio = await transcode(wav, format === 'opus' ? 'ogg' : format);
    const type = { mp3: 'audio/mpeg', wav: 'audio/wav', opus: 'audio/opus' }[format];
    response.writeHead(200, { 'content-type': type }).end(audio);
  });
  return {
    ...server,
    failNext(status: number, body: unknown, headers?: Record<string, string>) {
      failures.push({ status, body, headers });
    },
  };
}
