import { espeakWav, transcode } from '../../../adapters/tts/testing/speech-audio.ts';

export const SCENES = [
  { id: 'hook', text: 'Why does the sea rise twice a day?' },
  { id: 'body', text: 'The moon pulls the water, and the earth spins underneath it.' },
  { id: 'cta', text: 'Follow for more.' },
];
export const LEAD_SEC = 0.5;
export const GAP_SEC = 0.9;

/** One "recording" of the script: each scene spoken by espeak-ng, with known silences around and between. */
export async function recordingOfScript(): Promise<{ mp3: Buffer; cuts: number[] }> {
  const clips = SCENES.map((scene) => espeakWav(scene.text, 'en-us'));
  const rate = clips[0]!.readUInt32LE(24);
  const silence = (sec: number) => Buffer.alloc(Math.round(sec * rate) * 2);
  const parts: Buffer[] = [silence(LEAD_SEC)];
  const cuts: number[] = [];
  let at = LEAD_SEC;
  clips.forEach((clip, i) => {
    parts.push(clip.subarray(44));
    at += (clip.length - 44) / 2 / rate;
    if (i === clips.length - 1) return;
    parts.push(silence(GAP_SEC));
    cuts.push(at + GAP_SEC / 2);
    at += GAP_SEC;
  });
  parts.push(silence(0.4));
  const pcm = Buffer.concat(parts);
  const header = Buffer.from(clips[0]!.subarray(0, 44));
  header.writeUInt32LE(36 + pcm.length, 4);
  header.writeUInt32LE(pcm.length, 40);
  return { mp3: await transcode(Buffer.concat([header, pcm]), 'mp3'), cuts };
}

