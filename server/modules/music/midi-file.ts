import type { Part, Score } from './compose.ts';

/** Ticks per quarter note. */
const DIVISION = 480;
const DRUM_CHANNEL = 9;

function variableLength(value: number): number[] {
  const bytes = [value & 0x7f];
  let rest = value >>> 7;
  while (rest > 0) {
    bytes.unshift((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  return bytes;
}

function chunk(type: string, body: number[]): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, Buffer.from(body)]);
}

interface Event {
  tick: number;
  /** Note-offs before note-ons at the same tick, so a repeated note is not cut. */
  order: number;
  bytes: number[];
}

function trackBody(events: Event[]): number[] {
  events.sort((a, b) => a.tick - b.tick || a.order - b.order);
  const body: number[] = [];
  let last = 0;
  for (const event of events) {
    body.push(...variableLength(event.tick - last), ...event.bytes);
    last = event.tick;
  }
  body.push(0x00, 0xff, 0x2f, 0x00);
  return body;
}

function partEvents(part: Part, channel: number): Event[] {
  const events: Event[] = [];
  if (part.role !== 'drums') events.push({ tick: 0, order: 0, bytes: [0xc0 | channel, part.program & 0x7f] });
  // Reverb and chorus sends: a touch of room for every part.
  events.push({ tick: 0, order: 0, bytes: [0xb0 | channel, 91, part.role === 'drums' ? 30 : 60] });
  for (const note of part.notes) {
    const on = Math.round(note.beat * DIVISION);
    const off = Math.max(on + 1, Math.round((note.beat + note.beats) * DIVISION));
    const velocity = Math.max(1, Math.min(127, Math.round(note.velocity)));
    events.push({ tick: on, order: 2, bytes: [0x90 | channel, note.pitch & 0x7f, velocity] });
    events.push({ tick: off, order: 1, bytes: [0x80 | channel, note.pitch & 0x7f, 0] });
  }
  return events;
}

/** The score as a Standard MIDI File (format 1): a tempo track, then one track per part. */
export function scoreToMidi(score: Score): Buffer {
  const microsPerBeat = Math.round(60_000_000 / score.tempo);
  const tempoTrack = trackBody([
    { tick: 0, order: 0, bytes: [0xff, 0x51, 0x03, (microsPerBeat >> 16) & 0xff, (microsPerBeat >> 8) & 0xff, microsPerBeat & 0xff] },
    { tick: 0, order: 0, bytes: [0xff, 0x58, 0x04, score.beatsPerBar, 2, 24, 8] },
  ]);
  let nextChannel = 0;
  const tracks = score.parts.map((part) => {
    const channel = part.role === 'drums' ? DRUM_CHANNEL : nextChannel++;
    return trackBody(partEvents(part, channel));
  });
  const header = [0, 1, (tracks.length + 1) >> 8, (tracks.length + 1) & 0xff, DIVISION >> 8, DIVISION & 0xff];
  return Buffer.concat([chunk('MThd', header), chunk('MTrk', tempoTrack), ...tracks.map((t) => chunk('MTrk', t))]);
}
