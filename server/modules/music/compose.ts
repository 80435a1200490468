import type { MusicMood } from '../../../contracts/music.ts';
import { chordTones, MOOD_STYLES, type ChordSymbol, type MoodStyle } from './moods.ts';

export interface Note {
  /** Start and length in beats. */
  beat: number;
  beats: number;
  /** MIDI note number. */
  pitch: number;
  /** 1..127 */
  velocity: number;
}

export type PartRole = 'pad' | 'motion' | 'bass' | 'drums';

export interface Part {
  role: PartRole;
  /** General MIDI program (ignored for drums, which play on channel 10). */
  program: number;
  notes: Note[];
}

export interface Score {
  mood: MusicMood;
  tempo: number;
  beatsPerBar: number;
  bars: number;
  parts: Part[];
}

const BEATS_PER_BAR = 4;

/** A small seeded generator (mulberry32): the same project always gets the same music. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length) % items.length]!;

/** The three chord tones placed near the previous voicing, so chords move by small steps. */
function voiceChord(tones: number[], previous: number[] | null, low: number): number[] {
  const candidates = [0, 1, 2].map((inversion) => {
    const order = [...tones.slice(inversion), ...tones.slice(0, inversion)];
    const voicing: number[] = [];
    for (const pc of order) {
      let pitch = low + ((pc - low) % 12 + 12) % 12;
      while (voicing.length > 0 && pitch <= voicing[voicing.length - 1]!) pitch += 12;
      voicing.push(pitch);
    }
    return voicing;
  });
  if (!previous) return candidates[0]!;
  const distance = (v: number[]) => v.reduce((sum, p, i) => sum + Math.abs(p - (previous[i] ?? p)), 0);
  return candidates.reduce((best, v) => (distance(v) < distance(best) ? v : best));
}

function padNotes(voicing: number[], bar: number, velocity: number): Note[] {
  // Held a little past the bar line: the next chord's attack overlaps the release, no gap.
  return voicing.map((pitch) => ({ beat: bar * BEATS_PER_BAR, beats: BEATS_PER_BAR + 0.05, pitch, velocity }));
}

function motionNotes(style: MoodStyle, voicing: number[], bassRoot: number, bar: number, variation: number, random: () => number): Note[] {
  const { pattern, stepsPerBeat, velocity } = style.arrangement.motion;
  const steps = BEATS_PER_BAR * stepsPerBeat;
  const length = 1 / stepsPerBeat;
  const start = bar * BEATS_PER_BAR;
  const notes: Note[] = [];
  const accent = (i: number) => velocity + (i % stepsPerBeat === 0 ? 8 : 0) + Math.round((random() - 0.5) * 8);
  if (pattern === 'arpeggio') {
    const lift = variation % 2 === 1 ? 12 : 0;
    const tones = [...voicing, voicing[0]! + 12].map((p) => p + lift);
    const order = variation % 2 === 0 ? [0, 1, 2, 3, 2, 1, 2, 3] : [0, 2, 1, 3, 2, 1, 3, 2];
    for (let i = 0; i < steps; i++) notes.push({ beat: start + i * length, beats: length * 1.8, pitch: tones[order[i % order.length]!]!, velocity: accent(i) });
  } else if (pattern === 'strum') {
    const rhythm = variation % 2 === 0 ? [1, 0, 1, 1, 0, 1, 1, 0] : [1, 0, 1, 0, 1, 1, 0, 1];
    for (let i = 0; i < steps; i++) {
      if (!rhythm[i % rhythm.length]) continue;
      // A strum: the strings a few milliseconds apart.
      voicing.forEach((pitch, s) => notes.push({ beat: start + i * length + s * 0.02, beats: length * 1.5, pitch: pitch + 12, velocity: accent(i) }));
    }
  } else if (pattern === 'pulse') {
    const octave = bassRoot + 12;
    for (let i = 0; i < steps; i++) {
      const pitch = i % 8 === 6 && variation % 2 === 1 ? octave + 7 : octave;
      notes.push({ beat: start + i * length, beats: length * 0.7, pitch, velocity: accent(i) });
    }
  }
  return notes;
}

function bassNotes(style: MoodStyle, root: number, bar: number, random: () => number): Note[] {
  const { pattern, velocity } = style.arrangement.bass;
  const start = bar * BEATS_PER_BAR;
  const v = () => velocity + Math.round((random() - 0.5) * 6);
  if (pattern === 'drone') return [{ beat: start, beats: BEATS_PER_BAR, pitch: root, velocity: v() }];
  if (pattern === 'roots') return [{ beat: start, beats: 2.5, pitch: root, velocity: v() }, { beat: start + 2.5, beats: 1.5, pitch: root + 7, velocity: v() - 8 }];
  return Array.from({ length: 8 }, (_, i) => ({ beat: start + i / 2, beats: 0.45, pitch: i === 7 ? root + 7 : root, velocity: v() - (i % 2 ? 10 : 0) }));
}

// General MIDI percussion keys.
const KICK = 36;
const SNARE = 38;
const CLOSED_HAT = 42;
const LOW_TOM = 45;
const FLOOR_TOM = 41;

function drumNotes(style: MoodStyle, bar: number, random: () => number): Note[] {
  const start = bar * BEATS_PER_BAR;
  const hit = (beat: number, pitch: number, velocity: number): Note => ({ beat: start + beat, beats: 0.25, pitch, velocity: velocity + Math.round((random() - 0.5) * 10) });
  if (style.arrangement.drums === 'backbeat') {
    const notes = [hit(0, KICK, 86), hit(2, KICK, 80), hit(1, SNARE, 70), hit(3, SNARE, 74)];
    if (bar % 2 === 1) notes.push(hit(2.5, KICK, 66));
    for (let i = 0; i < 8; i++) notes.push(hit(i / 2, CLOSED_HAT, i % 2 ? 40 : 54));
    return notes;
  }
  if (style.arrangement.drums === 'toms') {
    const notes = [hit(0, KICK, 70)];
    if (bar % 2 === 1) notes.push(hit(3, FLOOR_TOM, 62), hit(3.5, LOW_TOM, 66));
    return notes;
  }
  return [];
}

/**
 * A piece in the mood, long enough for `durationSec` (the render fades it out at the end): one
 * four-bar progression repeated, the first two bars with pad and bass only, and the moving part
 * varied every eight bars so the loop does not wear.
 */
export function composeMusic(mood: MusicMood, seed: number, durationSec: number): Score {
  const style = MOOD_STYLES[mood];
  const random = seededRandom(seed);
  const tempo = Math.round(style.tempo[0] + random() * (style.tempo[1] - style.tempo[0]));
  const tonic = pick(style.keys, random);
  const progression: ChordSymbol[] = pick(style.progressions, random);
  const barSec = (BEATS_PER_BAR * 60) / tempo;
  const bars = Math.max(2, Math.ceil(durationSec / barSec) + 1);
  const parts: Record<PartRole, Part> = {
    pad: { role: 'pad', program: style.arrangement.pad, notes: [] },
    motion: { role: 'motion', program: style.arrangement.motion.program, notes: [] },
    bass: { role: 'bass', program: style.arrangement.bass.program, notes: [] },
    drums: { role: 'drums', program: 0, notes: [] },
  };
  let voicing: number[] | null = null;
  for (let bar = 0; bar < bars; bar++) {
    const chord = progression[bar % progression.length]!;
    const tones = chordTones(chord, tonic);
    voicing = voiceChord(tones, voicing, 53);
    const bassRoot = 36 + tones[0]!;
    parts.pad.notes.push(...padNotes(voicing, bar, 64));
    parts.bass.notes.push(...bassNotes(style, bassRoot, bar, random));
    if (bar < 2) continue;
    const variation = Math.floor(bar / 8);
    parts.motion.notes.push(...motionNotes(style, voicing, bassRoot, bar, variation, random));
    parts.drums.notes.push(...drumNotes(style, bar, random));
  }
  return { mood, tempo, beatsPerBar: BEATS_PER_BAR, bars, parts: Object.values(parts).filter((p) => p.notes.length > 0) };
}

export const secondsPerBeat = (score: Score) => 60 / score.tempo;
