import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ASPECTS, FORMAT_IDS, LANGUAGES } from '../../contracts/formats.ts';
import { MUSIC_CHOICES } from '../../contracts/music.ts';
import { openHttpBackend } from '../backends/http.ts';
import { openLocalBackend } from '../backends/local.ts';
import type { Backend } from '../backend.ts';
import { usageError } from '../cli-error.ts';
import { type CommandRun, SERVER_OPTIONS, oneOf, parseOptions, serverOf, writeJson } from '../context.ts';
import { readInput } from '../input.ts';
import { makeVideo, type MakeOptions } from '../pipeline.ts';
import { createReporter } from '../reporter.ts';

export const MAKE_USAGE = `reelforge make <input> -o <out.mp4> [--lang ru|en] [--format <format>] [--duration <s>]
                [--aspect 9:16|1:1|16:9] [--voice <id>] [--music calm|upbeat|serious|tense|off|<file>]
                [--server URL --token T] [--data-dir DIR] [--json]`;

/** `reelforge make`: a finished video (and its captions) from a text, an HTML page, a URL or standard input. */
/** The options of make; batch takes the same plus --quality. */
export const MAKE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  format: { type: 'string' },
  duration: { type: 'string' },
  aspect: { type: 'string' },
  voice: { type: 'string' },
  music: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  ...SERVER_OPTIONS,
} as const;

export const runMake: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(
    args,
    MAKE_OPTIONS,
    'make',
  );
  if (positionals.length !== 1) throw usageError(`make takes one input (a .txt/.md/.html file, an http(s) URL or -), got ${positionals.length}\nusage: ${MAKE_USAGE}`);
  if (!values.output) throw usageError(`make needs -o <out.mp4>\nusage: ${MAKE_USAGE}`);
  const output = resolve(values.output);
  if (!(await stat(dirname(output)).catch(() => null))?.isDirectory()) throw usageError(`-o: the folder ${dirname(output)} does not exist`);
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 5 || duration > 600)) {
    throw usageError(`--duration must be a whole number of seconds from 5 to 600, not "${values.duration}"`);
  }
  const options = {
    output,
    language: oneOf(values.lang, LANGUAGES, 'lang'),
    format: oneOf(values.format, FORMAT_IDS, 'format'),
    durationSec: duration,
    aspect: oneOf(values.aspect, ASPECTS, 'aspect') ?? '9:16',
    voice: values.voice,
    music: await musicOption(values.music),
  };
  const server = serverOf(values, context.env);
  if (server && values['data-dir']) throw usageError('--data-dir is for making the video in this process; it does not go with --server');
  const input = await readInput(positionals[0]!, context.stdin);

  const json = Boolean(values.json);
  const reporter = createReporter(context.reporterMode(json), context.stderr);
  const backend: Backend = server
    ? openHttpBackend({ ...server, signal: context.signal })
    : await openLocalBackend({ dataDir: values['data-dir'] ? resolve(values['data-dir']) : undefined, signal: context.signal });
  try {
    const result = await makeVideo(backend, input, options, reporter);
    if (json) writeJson(context, { ok: true, ...result, mode: server ? 'server' : 'local' });
    else {
      context.stdout.write(`Video: ${result.video} (${result.durationSec.toFixed(1)} s, ${(result.bytes / 1024 / 1024).toFixed(1)} MB)\n`);
      if (result.srt) context.stdout.write(`Captions: ${result.srt}\n`);
      context.stdout.write(`Project: ${result.title} (${result.projectId}), ${result.scenes} scenes, ${result.language}, ${result.format}\n`);
    }
    return 0;
  } finally {
    reporter.finish();
    await backend.close();
  }
};

/** --music: a mood, off or auto, else the path of an audio file that must exist. */
export async function musicOption(value: string | undefined): Promise<MakeOptions['music']> {
  if (value === undefined) return undefined;
  const choice = MUSIC_CHOICES.find((c) => c === value);
  if (choice) return { choice };
  const file = resolve(value);
  if (!(await stat(file).catch(() => null))?.isFile()) {
    throw usageError(`--music must be one of ${MUSIC_CHOICES.join(', ')} or an audio file; "${value}" is neither`);
  }
  return { file };
}
