import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ASPECTS, FORMAT_IDS, LANGUAGES } from '../../contracts/formats.ts';
import { QUALITY_PRESETS } from '../../contracts/render-plan.ts';
import { downloadFileName } from '../../server/http/download-name.ts';
import { openHttpBackend } from '../backends/http.ts';
import { openLocalBackend } from '../backends/local.ts';
import type { Backend } from '../backend.ts';
import { parseBatchFile, sourceOf, type BatchEntry } from '../batch-file.ts';
import { CliError, EXIT, usageError } from '../cli-error.ts';
import { type CliContext, type CommandRun, oneOf, parseOptions, serverOf, writeJson } from '../context.ts';
import { MAKE_OPTIONS } from './make.ts';
import { makeVideo, type MakeOptions, type MakeResult } from '../pipeline.ts';
import { createReporter, type Reporter } from '../reporter.ts';
import { musicOption } from './make.ts';

export const BATCH_USAGE = `reelforge batch <file> -o <dir> [--lang ru|en] [--format <format>] [--duration <s>] [--aspect 9:16|1:1|16:9]
                [--voice <id>] [--music <mood>|<file>] [--quality draft|standard|high]
                [--server URL --token T] [--data-dir DIR] [--json]`;

type Defaults = Omit<MakeOptions, 'output' | 'music'> & { music?: string };

interface ItemResult {
  line: number;
  input: string;
  ok: boolean;
  error?: string;
  result?: MakeResult;
}

/** Names each video from its title (transliterated), never over a file already there or made earlier in the batch. */
function videoNamer(dir: string) {
  const taken = new Set<string>();
  return (title: string) => {
    const stem = downloadFileName(title, 'video');
    for (let n = 1; ; n++) {
      const name = `${stem}${n > 1 ? `-${n}` : ''}.mp4`;
      if (!taken.has(name) && !existsSync(join(dir, name))) {
        taken.add(name);
        return join(dir, name);
      }
    }
  };
}

async function makeOne(backend: Backend, entry: BatchEntry, baseDir: string, defaults: Defaults, name: (title: string) => string, reporter: Reporter): Promise<MakeResult> {
  if (entry.error) throw new CliError(entry.error);
  const source = await sourceOf(entry, baseDir);
  const own = entry.options;
  const music = await musicOption(own.music ?? defaults.music);
  const options: MakeOptions = {
    output: name,
    language: own.language ?? defaults.language,
    format: own.format ?? defaults.format,
    durationSec: own.durationSec ?? defaults.durationSec,
    aspect: own.aspect ?? defaults.aspect,
    voice: own.voice ?? defaults.voice,
    quality: own.quality ?? defaults.quality,
    ...(music ? { music } : {}),
  };
  return makeVideo(backend, source, options, reporter);
}

function printSummary(context: CliContext, dir: string, results: ItemResult[]) {
  const made = results.filter((r) => r.ok).length;
  context.stdout.write(`\nMade ${made} of ${results.length} videos in ${dir}\n`);
  for (const r of results) {
    if (r.ok && r.result) context.stdout.write(`  ✓ line ${r.line}: ${basename(r.result.video)} (${r.result.durationSec.toFixed(1)} s) ${r.result.title}\n`);
    else context.stdout.write(`  ✗ line ${r.line}: ${r.input}: ${r.error}\n`);
  }
}

/** `reelforge batch`: one video per input of a file, each named from its title; a failed input is reported and the rest go on. */
export const runBatch: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(
    args,
    { ...MAKE_OPTIONS, quality: { type: 'string' } },
    'batch',
  );
  if (positionals.length !== 1) throw usageError(`batch takes one file listing the inputs, got ${positionals.length}\nusage: ${BATCH_USAGE}`);
  if (!values.output) throw usageError(`batch needs -o <dir>, the folder the videos go to\nusage: ${BATCH_USAGE}`);
  const file = resolve(positionals[0]!);
  if (!(await stat(file).catch(() => null))?.isFile()) throw usageError(`no such file: ${positionals[0]}`);
  const entries = parseBatchFile(await readFile(file, 'utf8'));
  if (entries.length === 0) throw usageError(`${positionals[0]} lists no inputs (one URL, file or text per line, or JSON lines)`);
  const dir = resolve(values.output);
  if ((await stat(dir).catch(() => null))?.isFile()) throw usageError(`-o: ${dir} is a file, not a folder`);
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 5 || duration > 600)) {
    throw usageError(`--duration must be a whole number of seconds from 5 to 600, not "${values.duration}"`);
  }
  const defaults: Defaults = {
    language: oneOf(values.lang, LANGUAGES, 'lang'),
    format: oneOf(values.format, FORMAT_IDS, 'format'),
    durationSec: duration,
    aspect: oneOf(values.aspect, ASPECTS, 'aspect') ?? '9:16',
    voice: values.voice,
    music: values.music,
    quality: oneOf(values.quality, QUALITY_PRESETS, 'quality'),
  };
  const server = serverOf(values, context.env);
  if (server && values['data-dir']) throw usageError('--data-dir is for making the videos in this process; it does not go with --server');
  await mkdir(dir, { recursive: true });

  const json = Boolean(values.json);
  const reporter = createReporter(context.reporterMode(json), context.stderr);
  const backend: Backend = server
    ? openHttpBackend({ ...server, signal: context.signal })
    : await openLocalBackend({ dataDir: values['data-dir'] ? resolve(values['data-dir']) : undefined, signal: context.signal });
  const name = videoNamer(dir);
  const results: ItemResult[] = [];
  try {
    for (const [index, entry] of entries.entries()) {
      reporter.note(`[${index + 1}/${entries.length}] line ${entry.line}: ${entry.label}`);
      try {
        const result = await makeOne(backend, entry, dirname(file), defaults, name, reporter);
        results.push({ line: entry.line, input: entry.label, ok: true, result });
      } catch (error) {
        if (context.signal.aborted) throw new CliError('interrupted', EXIT.interrupted);
        // A server that is gone or refuses the token fails every other input too.
        if (error instanceof CliError && (error.exitCode === EXIT.unreachable || error.exitCode === EXIT.unauthorized)) throw error;
        reporter.finish();
        const message = error instanceof CliError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
        results.push({ line: entry.line, input: entry.label, ok: false, error: message });
      }
    }
  } finally {
    reporter.finish();
    await backend.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  if (json) {
    writeJson(context, {
      ok: failed === 0,
      made: results.length - failed,
      failed,
      dir,
      mode: server ? 'server' : 'local',
      items: results.map(({ result, ...r }) => ({ ...r, ...(result ?? {}) })),
    });
  } else printSummary(context, dir, results);
  return failed === 0 ? EXIT.ok : EXIT.failed;
};
