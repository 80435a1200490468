import type { Job } from '../../contracts/jobs.ts';
import { ApiClient } from '../api-client.ts';
import { usageError } from '../cli-error.ts';
import { type CommandRun, SERVER_OPTIONS, parseOptions, requireServer, writeJson } from '../context.ts';

export const STATUS_USAGE = 'reelforge status <jobId> --server URL --token T [--json]';

/** `reelforge status <jobId>`: a job's state, progress and step, or why it failed. */
export const runStatus: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, ...SERVER_OPTIONS }, 'status');
  if (positionals.length !== 1) throw usageError(`status takes one job id\nusage: ${STATUS_USAGE}`);
  const jobId = positionals[0]!;
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) throw usageError(`"${jobId}" is not a job id`);
  const api = new ApiClient(requireServer(values, context.env, 'status'));
  const job = await api.json<Job>('GET', `/api/jobs/${jobId}`);
  if (values.json) {
    writeJson(context, job);
    return 0;
  }
  const percent = Math.round(job.progress * 100);
  const step = job.step && job.step !== job.state ? ` (${job.step})` : '';
  context.stdout.write(`${job.name} ${job.state} ${percent}%${step}\n`);
  if (job.error) context.stdout.write(`error: ${job.error}\n`);
  return 0;
};
