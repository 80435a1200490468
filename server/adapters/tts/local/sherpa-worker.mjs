// Runs sherpa-onnx in its own process: a model file that crashes the native runtime ends this
// process, never the server. Input: one JSON line on stdin
// { config, text?, sid?, speed?, output? }. Without text it only loads the model (a probe).
// Output: one JSON line on stdout { ok, sampleRate, numSpeakers, samples? } or { ok: false, error }.
// The samples go to `output` as 16-bit little-endian PCM.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function toPcm16(samples) {
  const pcm = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const clamped = Math.max(-1, Math.min(1, samples[i]));
    pcm.writeInt16LE(Math.round(clamped * 32767), i * 2);
  }
  return pcm;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  try {
    const request = JSON.parse(input);
    const { OfflineTts } = require('sherpa-onnx-node');
    const tts = new OfflineTts(request.config);
    if (typeof request.text !== 'string') {
      reply({ ok: true, sampleRate: tts.sampleRate, numSpeakers: tts.numSpeakers });
      return;
    }
    const audio = tts.generate({ text: request.text, sid: request.sid ?? 0, speed: request.speed ?? 1 });
    writeFileSync(request.output, toPcm16(audio.samples));
    reply({ ok: true, sampleRate: audio.sampleRate, numSpeakers: tts.numSpeakers, samples: audio.samples.length });
  } catch (error) {
    reply({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
