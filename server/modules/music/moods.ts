import type { MusicMood } from '../../../contracts/music.ts';

/** A chord as semitones above the key's tonic and its quality. */
export interface ChordSymbol {
  root: number;
  quality: 'major' | 'minor' | 'sus2';
}

/** How the chords are played: which parts sound and how they move within a bar. */
export interface Arrangement {
  /** Sustained chord (General MIDI program) that keeps the bed continuous between sentences. */
  pad: number;
  /** Moving part over the pad: broken chords, struck chords, or a repeated low pulse. */
  motion: { program: number; pattern: 'arpeggio' | 'strum' | 'pulse' | 'none'; stepsPerBeat: number; velocity: number };
  bass: { program: number; pattern: 'roots' | 'eighths' | 'drone'; velocity: number };
  /** General MIDI percussion on channel 10 (a backbeat for upbeat, low hits for tense). */
  drums: 'none' | 'backbeat' | 'toms';
}

export interface MoodStyle {
  scale: 'major' | 'minor';
  /** Beats per minute: a range the seed picks from. */
  tempo: [number, number];
  /** Tonic choices as MIDI pitch classes (0 = C). */
  keys: number[];
  /** Four-bar progressions, one chord per bar; a video plays one, with its variation. */
  progressions: ChordSymbol[][];
  arrangement: Arrangement;
}

const maj = (root: number): ChordSymbol => ({ root, quality: 'major' });
const min = (root: number): ChordSymbol => ({ root, quality: 'minor' });
const sus = (root: number): ChordSymbol => ({ root, quality: 'sus2' });

// Degrees: major I=0 ii=2 iii=4 IV=5 V=7 vi=9; minor i=0 bII=1 III=3 iv=5 v=7 VI=8 VII=10.
export const MOOD_STYLES: Record<MusicMood, MoodStyle> = {
  calm: {
    scale: 'major',
    tempo: [72, 84],
    keys: [0, 2, 5, 7],
    progressions: [
      [maj(0), maj(7), min(9), maj(5)],
      [maj(0), min(9), maj(5), maj(7)],
      [min(9), maj(5), maj(0), sus(7)],
      [maj(5), maj(0), min(4), min(9)],
    ],
    // Warm pad, electric piano arpeggio, fingered bass.
    arrangement: { pad: 89, motion: { program: 4, pattern: 'arpeggio', stepsPerBeat: 2, velocity: 62 }, bass: { program: 33, pattern: 'roots', velocity: 70 }, drums: 'none' },
  },
  upbeat: {
    scale: 'major',
    tempo: [108, 120],
    keys: [0, 2, 7, 9],
    progressions: [
      [maj(0), maj(7), min(9), maj(5)],
      [maj(5), maj(0), maj(7), min(9)],
      [maj(0), maj(5), min(9), maj(7)],
    ],
    // String pad, steel guitar strums, picked bass in eighths, kick/snare/hat.
    arrangement: { pad: 48, motion: { program: 25, pattern: 'strum', stepsPerBeat: 2, velocity: 72 }, bass: { program: 34, pattern: 'eighths', velocity: 78 }, drums: 'backbeat' },
  },
  serious: {
    scale: 'minor',
    tempo: [64, 72],
    keys: [2, 4, 9, 7],
    progressions: [
      [min(0), maj(8), maj(3), maj(10)],
      [min(0), min(5), maj(8), maj(7)],
      [min(0), maj(10), maj(8), maj(7)],
    ],
    // Strings, slow piano broken chords, cello roots.
    arrangement: { pad: 49, motion: { program: 0, pattern: 'arpeggio', stepsPerBeat: 1, velocity: 56 }, bass: { program: 42, pattern: 'roots', velocity: 66 }, drums: 'none' },
  },
  tense: {
    scale: 'minor',
    tempo: [92, 100],
    keys: [4, 9, 2],
    progressions: [
      [min(0), min(0), maj(8), maj(7)],
      [min(0), maj(1), min(0), maj(7)],
      [min(0), maj(8), min(5), maj(7)],
    ],
    // Tremolo strings, a low pizzicato pulse in sixteenths, a bass drone and toms on the downbeats.
    arrangement: { pad: 44, motion: { program: 45, pattern: 'pulse', stepsPerBeat: 4, velocity: 64 }, bass: { program: 43, pattern: 'drone', velocity: 62 }, drums: 'toms' },
  },
};

/** Pitch classes of a chord, root first. */
export function chordTones(chord: ChordSymbol, tonic: number): number[] {
  const root = (tonic + chord.root) % 12;
  const intervals = chord.quality === 'major' ? [0, 4, 7] : chord.quality === 'minor' ? [0, 3, 7] : [0, 2, 7];
  return intervals.map((i) => (root + i) % 12);
}
