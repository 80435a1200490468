import { resolve } from 'node:path';
import { ASPECTS } from '../../contracts/formats.ts';
import { QUALITY_PRESETS } from '../../contracts/render-plan.ts';
import { openHttpBackend } from '../backends/http.ts';
import { CliError, usageError } from '../cli-error.ts';
import { type CommandRun, SERVER_OPTIONS, oneOf, parseOptions, requireServer, writeJson } from '../context.ts';
import { srtPathFor } from '../pipeline.ts';
import { createReporter } from '../reporter.ts';

export const RENDER_USAGE = 'reelforge render <projectId> --server URL --token T [--aspect 9:16|1:1|16:9] [--quality draft|standard|high] [-o out.mp4] [--json]';

/** `reelforge render <projectId>`: renders a project on the server, following the job; -o downloads the video and captions. */
export const runRender: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(
    args,
    { aspect: { type: 'string' }, quality: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean' }, ...SERVER_OPTIONS },
    'render',
  );
  if (positionals.length !== 1) throw usageError(`render takes one project id\nusage: ${RENDER_USAGE}`);
  const projectId = positionals[0]!;
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw usageError(`"${projectId}" is not a project id (reelforge projects lists them)`);
  const body = { aspect: oneOf(values.aspect, ASPECTS, 'aspect'), quality: oneOf(values.quality, QUALITY_PRESETS, 'quality') };
  const backend = openHttpBackend({ ...requireServer(values, context.env, 'render'), signal: context.signal });
  const reporter = createReporter(context.reporterMode(Boolean(values.json)), context.stderr);
  const job = await backend.render(projectId, body, (fraction, step) => reporter.progress('render', fraction, step ?? undefined));
  reporter.finish();
  const outputs = (await backend.renderState(projectId)).outputs;
  if (!outputs) throw new CliError(`render job ${job.id} finished without a video`);
  const files: { video?: string; srt?: string } = {};
  if (values.output) {
    files.video = resolve(values.output);
    await backend.download(outputs.video, files.video);
    if (outputs.srt) {
      files.srt = srtPathFor(files.video);
      await backend.download(outputs.srt, files.srt);
    }
  }
  const videoUrl = new URL(outputs.video.url, backend.api.base).toString();
  if (values.json) writeJson(context, { ok: true, jobId: job.id, projectId, durationSec: outputs.durationSec, videoUrl, ...files });
  else {
    context.stdout.write(`Rendered: ${outputs.durationSec.toFixed(1)} s, job ${job.id}\n`);
    context.stdout.write(files.video ? `Video: ${files.video}\n` : `Video: ${videoUrl}\n`);
    if (files.srt) context.stdout.write(`Captions: ${files.srt}\n`);
  }
  return 0;
};
