import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A real (tiny) VITS-shaped ONNX model for tests: sherpa-onnx loads it like any VITS voice with a
 * lexicon, and it "speaks" a tone burst per letter and silence per space, so word timings can be
 * found in its audio. The protobuf is encoded by hand (ONNX's ModelProto field numbers).
 */

const SAMPLE_RATE = 16_000;
/** Samples per token: each letter lasts 80 ms. */
const TOKEN_SAMPLES = 1280;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function varint(value: number | bigint): Buffer {
  let v = BigInt(value);
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return Buffer.from(bytes);
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, value: number) => Buffer.concat([tag(field, 0), varint(value)]);
const bytes = (field: number, value: Buffer | string) => {
  const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([tag(field, 2), varint(data.length), data]);
};
const message = (field: number, ...parts: Buffer[]) => bytes(field, Buffer.concat(parts));

const FLOAT = 1;
const INT64 = 7;

function tensor(field: number, name: string, type: number, dims: number[], raw: Buffer): Buffer {
  return message(field, ...dims.map((d) => int(1, d)), int(2, type), bytes(8, name), bytes(9, raw));
}

function valueInfo(field: number, name: string, type: number, dims: Array<number | string>): Buffer {
  const shape = dims.map((d) => message(1, typeof d === 'number' ? int(1, d) : bytes(2, d)));
  return message(field, bytes(1, name), message(2, message(1, int(1, type), message(2, ...shape))));
}

function node(op: string, inputs: string[], outputs: string[], attributes: Buffer[] = []): Buffer {
  return message(1, ...inputs.map((i) => bytes(1, i)), ...outputs.map((o) => bytes(2, o)), bytes(4, op), ...attributes);
}

const int64s = (values: number[]) => Buffer.from(new BigInt64Array(values.map(BigInt)).buffer);

/** One token's sound: a 220 Hz tone under a raised-cosine envelope, so letters are separate onsets. */
function burst(): Buffer {
  const samples = new Float32Array(TOKEN_SAMPLES);
  for (let i = 0; i < TOKEN_SAMPLES; i++) {
    const envelope = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / TOKEN_SAMPLES);
    samples[i] = 0.5 * envelope * Math.sin((2 * Math.PI * 220 * i) / SAMPLE_RATE);
  }
  return Buffer.from(samples.buffer);
}

/** y[1, tokens * TOKEN_SAMPLES] = burst where the token is a letter (id > 0), silence for the space (id 0). A null metadata value leaves the key out. */
export function tinyVitsModelBytes(metadata: Record<string, string | null> = {}): Buffer {
  const graph = Buffer.concat([
    node('Min', ['x', 'one'], ['voiced']),
    node('Cast', ['voiced'], ['voiced_f'], [message(5, bytes(1, 'to'), int(3, FLOAT), int(20, 2))]),
    node('Reshape', ['voiced_f', 'column'], ['gain']),
    node('Mul', ['gain', 'burst'], ['frames']),
    node('Reshape', ['frames', 'flat'], ['y']),
    bytes(2, 'tiny-vits'),
    tensor(5, 'one', INT64, [], int64s([1])),
    tensor(5, 'column', INT64, [3], int64s([1, -1, 1])),
    tensor(5, 'flat', INT64, [2], int64s([1, -1])),
    tensor(5, 'burst', FLOAT, [1, 1, TOKEN_SAMPLES], burst()),
    valueInfo(11, 'x', INT64, [1, 'tokens']),
    valueInfo(11, 'x_length', INT64, [1]),
    valueInfo(11, 'noise_scale', FLOAT, [1]),
    valueInfo(11, 'length_scale', FLOAT, [1]),
    valueInfo(11, 'noise_scale_w', FLOAT, [1]),
    valueInfo(12, 'y', FLOAT, [1, 'samples']),
  ]);
  const meta = {
    model_type: 'vits',
    comment: 'tiny test model',
    language: 'English',
    sample_rate: String(SAMPLE_RATE),
    n_speakers: '1',
    add_blank: '0',
    punctuation: '',
    ...metadata,
  };
  return Buffer.concat([
    int(1, 8),
    bytes(2, 'reelforge-tests'),
    message(7, graph),
    message(8, bytes(1, ''), int(2, 13)),
    ...Object.entries(meta).flatMap(([key, value]) => (value === null ? [] : [message(14, bytes(1, key), bytes(2, value))])),
  ]);
}

/** Writes model.onnx, tokens.txt and lexicon.txt (each word spelt letter by letter) into `dir`. */
export async function writeTinyVitsVoice(dir: string, words: string[], metadata?: Record<string, string | null>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), tinyVitsModelBytes(metadata));
  const tokens = ['  0', ...[...LETTERS].map((letter, i) => `${letter} ${i + 1}`)];
  await writeFile(join(dir, 'tokens.txt'), `${tokens.join('\n')}\n`);
  const lexicon = [...new Set(words.map((w) => w.toLowerCase()))].map((w) => `${w} ${[...w].filter((c) => LETTERS.includes(c)).join(' ')}`);
  await writeFile(join(dir, 'lexicon.txt'), `${lexicon.join('\n')}\n`);
}
