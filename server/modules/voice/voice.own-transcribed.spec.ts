import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import type { Stage4Audio } from '../../../contracts/voice-api.ts';
import { sendJson, startFakeServer } from '../../adapters/tts/testing/fake-server.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { recordingOfScript, SCENES } from './testing/own-recording.ts';
import { multipart, voiceApi } from './testing/voice-api.ts';

/**
 * What the fake transcriber "heard": every script word at a time of its own (a made-up 0.2 s
 * rhythm from 0.61 s within each scene's speech), so the test can tell these times from the
 * script-to-audio alignment. The last scene's words are not heard at all: it keeps the alignment.
 */
function heardWords(sceneStarts: number[]) {
  return SCENES.slice(0, 2).flatMap((scene, s) =>
    scene.text.split(/\s+/).map((word, i) => ({ word: word.replace(/[?,.]/g, ''), start: sceneStarts[s]! + 0.11 + i * 0.2, end: sceneStarts[s]! + 0.11 + i * 0.2 + 0.15 })),
  );
}

describe('own voice timed by the transcriber (pglite)', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  let words: ReturnType<typeof heardWords> = [];

  beforeAll(async () => {
    server = await startFakeServer((request, response) => {
      if (!request.body.includes('verbose_json')) return sendJson(response, 400, { error: { message: 'bad' } });
      sendJson(response, 200, { text: words.map((w) => w.word).join(' '), language: 'english', duration: 10, words });
    });
    t = await createTestApp('pglite', { env: { OPENAI_STT_BASE_URL: `${server.url}/v1` } });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('takes each heard word’s time, and keeps the estimate for a scene the transcriber did not hear', async () => {
    const { cookie } = await signUp(t.app);
    const api = voiceApi(t.app, cookie);
    const projectId = await api.projectWithScript('en', SCENES);
    const { mp3, cuts } = await recordingOfScript();
    words = heardWords([0.5, cuts[0]!]);
    const body = multipart(mp3, 'voice.mp3', 'audio/mpeg');
    const response = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/voice/own-audio`, headers: { cookie, ...body.headers }, payload: body.payload });
    expect(response.statusCode, response.body).toBe(201);
    const audio = (response.json() as Step).data.audio as Stage4Audio;
    expect(server.requests).toHaveLength(1);
    expect(audio.timingSource).toEqual({ hook: 'transcriber', body: 'transcriber', cta: 'aligned' });
    const [hook, bodyScene, cta] = audio.segments;
    hook!.words!.forEach((word, i) => expect(word.start).toBeCloseTo(Math.max(hook!.start, words[i]!.start), 5));
    expect(bodyScene!.words![0]!.start).toBeCloseTo(words[8]!.start, 5);
    // Not heard: its words are spread by reading speed, not on the fake's 0.2 s rhythm.
    const gaps = cta!.words!.slice(1).map((w, i) => w.start - cta!.words![i]!.start);
    expect(gaps.every((gap) => Math.abs(gap - 0.2) > 0.01)).toBe(true);
  });
});
