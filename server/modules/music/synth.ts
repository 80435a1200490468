import type { Note, Part, Score } from './compose.ts';
import { secondsPerBeat, seededRandom } from './compose.ts';
import { addReverb } from './reverb.ts';

/**
 * The built-in synthesiser, used when fluidsynth or a soundfont is missing: a wavetable pad,
 * Karplus-Strong plucked strings for the moving part, a rounded bass and synthesised drums,
 * through a small room reverb. Stereo float samples.
 */

export interface StereoPcm {
  left: Float32Array;
  right: Float32Array;
  sampleRate: number;
}

const TABLE_SIZE = 4096;
const frequency = (pitch: number) => 440 * 2 ** ((pitch - 69) / 12);

/** One cycle of a soft sawtooth (harmonics falling off faster than 1/n): warm, not buzzy. */
const PAD_TABLE = (() => {
  const table = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i <= TABLE_SIZE; i++) {
    let sum = 0;
    for (let h = 1; h <= 8; h++) sum += Math.sin((2 * Math.PI * h * i) / TABLE_SIZE) / h ** 1.6;
    table[i] = sum * 0.6;
  }
  return table;
})();

function envelope(t: number, length: number, attack: number, release: number): number {
  if (t < 0) return 0;
  if (t < attack) return t / attack;
  if (t < length) return 1;
  const r = (t - length) / release;
  return r >= 1 ? 0 : 1 - r;
}

function addPad(out: StereoPcm, note: Note, start: number, length: number): void {
  const { sampleRate } = out;
  const attack = 0.6;
  const release = 0.8;
  const first = Math.floor(start * sampleRate);
  const count = Math.floor((length + release) * sampleRate);
  const gain = (note.velocity / 127) * 0.07;
  // Two copies detuned by +-7 cents, one per side: the chorus that makes a pad wide.
  const steps = [-7, 7].map((cents) => (frequency(note.pitch) * 2 ** (cents / 1200) * TABLE_SIZE) / sampleRate);
  const phases = [0, TABLE_SIZE / 3];
  for (let i = 0; i < count && first + i < out.left.length; i++) {
    const env = envelope(i / sampleRate, length, attack, release) * gain;
    const values = phases.map((phase, k) => {
      const at = phase % TABLE_SIZE;
      const index = Math.floor(at);
      const frac = at - index;
      phases[k] = phase + steps[k]!;
      return PAD_TABLE[index]! + (PAD_TABLE[index + 1]! - PAD_TABLE[index]!) * frac;
    });
    out.left[first + i]! += env * (values[0]! * 0.8 + values[1]! * 0.2);
    out.right[first + i]! += env * (values[1]! * 0.8 + values[0]! * 0.2);
  }
}

/** Karplus-Strong: a burst of noise through a tuned, damped delay line sounds like a plucked string. */
function addPluck(out: StereoPcm, note: Note, start: number, length: number, brightness: number, pan: number, random: () => number): void {
  const { sampleRate } = out;
  const period = Math.max(2, Math.round(sampleRate / frequency(note.pitch)));
  const line = new Float32Array(period);
  for (let i = 0; i < period; i++) line[i] = random() * 2 - 1;
  const first = Math.floor(start * sampleRate);
  const count = Math.floor((length + 0.3) * sampleRate);
  const gain = (note.velocity / 127) * 0.22;
  const damping = 0.996;
  let index = 0;
  let previous = 0;
  for (let i = 0; i < count && first + i < out.left.length; i++) {
    const current = line[index]!;
    const next = line[(index + 1) % period]!;
    line[index] = damping * (brightness * current + (1 - brightness) * (current + next) * 0.5);
    index = (index + 1) % period;
    // A one-pole low-pass softens the attack's click.
    previous += 0.5 * (current - previous);
    const value = previous * gain * envelope(i / sampleRate, length, 0.002, 0.3);
    out.left[first + i]! += value * (1 - pan);
    out.right[first + i]! += value * (1 + pan);
  }
}

function addBass(out: StereoPcm, note: Note, start: number, length: number): void {
  const { sampleRate } = out;
  const f = frequency(note.pitch);
  const first = Math.floor(start * sampleRate);
  const count = Math.floor((length + 0.15) * sampleRate);
  const gain = (note.velocity / 127) * 0.3;
  for (let i = 0; i < count && first + i < out.left.length; i++) {
    const t = i / sampleRate;
    const tone = Math.sin(2 * Math.PI * f * t) + 0.35 * Math.sin(4 * Math.PI * f * t) + 0.12 * Math.sin(6 * Math.PI * f * t);
    const decay = 0.6 + 0.4 * Math.exp(-t * 3);
    const value = Math.tanh(tone * 0.9) * gain * decay * envelope(t, length, 0.01, 0.15);
    out.left[first + i]! += value;
    out.right[first + i]! += value;
  }
}

function addDrum(out: StereoPcm, note: Note, start: number, random: () => number): void {
  const { sampleRate } = out;
  const first = Math.floor(start * sampleRate);
  const gain = note.velocity / 127;
  const hat = note.pitch === 42;
  const snare = note.pitch === 38;
  const length = hat ? 0.06 : snare ? 0.2 : 0.45;
  // Kick and toms: a sine falling in pitch; snare: tone plus noise; hat: differenced (high-passed) noise.
  const [high, low] = note.pitch === 36 ? [120, 45] : note.pitch === 41 ? [110, 70] : [170, 110];
  let phase = 0;
  let lastNoise = 0;
  for (let i = 0; i < length * sampleRate && first + i < out.left.length; i++) {
    const t = i / sampleRate;
    const noise = random() * 2 - 1;
    let value: number;
    if (hat) value = (noise - lastNoise) * 0.12 * Math.exp(-t * 60);
    else if (snare) value = (noise * 0.25 + Math.sin(2 * Math.PI * 185 * t) * 0.2) * Math.exp(-t * 22);
    else {
      phase += (2 * Math.PI * (low + (high - low) * Math.exp(-t * 25))) / sampleRate;
      value = Math.sin(phase) * 0.5 * Math.exp(-t * 7);
    }
    lastNoise = noise;
    out.left[first + i]! += value * gain * (hat ? 0.8 : 1);
    out.right[first + i]! += value * gain * (hat ? 1.2 : 1);
  }
}

function addPart(out: StereoPcm, part: Part, beatSec: number, mood: Score['mood'], random: () => number): void {
  for (const note of part.notes) {
    const start = note.beat * beatSec;
    const length = note.beats * beatSec;
    if (part.role === 'pad') addPad(out, note, start, length);
    else if (part.role === 'bass') addBass(out, note, start, length);
    else if (part.role === 'drums') addDrum(out, note, start, random);
    else addPluck(out, note, start, length, mood === 'tense' ? 0.3 : 0.6, (random() - 0.5) * 0.6, random);
  }
}

/** Renders the score to stereo samples: `durationSec` long plus the last notes' release. */
export function synthesizeScore(score: Score, sampleRate: number, seed: number): StereoPcm {
  const beatSec = secondsPerBeat(score);
  const total = Math.ceil((score.bars * score.beatsPerBar * beatSec + 1) * sampleRate);
  const out: StereoPcm = { left: new Float32Array(total), right: new Float32Array(total), sampleRate };
  const random = seededRandom(seed ^ 0x5f3759df);
  for (const part of score.parts) addPart(out, part, beatSec, score.mood, random);
  addReverb(out, 0.25);
  return out;
}
