import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Job } from '../../../../contracts/jobs.ts';

export interface ToolAnswer {
  isError: boolean;
  text: string;
  value: Record<string, unknown>;
}

/** Calls a tool with the SDK's client: its text and structured content, and whether it was a tool error. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as Array<{ type: string; text?: string }>;
  return { isError: result.isError === true, text: content.map((c) => c.text ?? '').join('\n'), value: (result.structuredContent ?? {}) as Record<string, unknown> };
}

/** Polls get_job until the job ends, as an agent does. */
export async function waitForToolJob(client: Client, jobId: string): Promise<Job> {
  for (;;) {
    const answer = await callTool(client, 'get_job', { jobId });
    if (answer.isError) throw new Error(`get_job failed: ${answer.text}`);
    const job = answer.value as unknown as Job;
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A text short enough for a quick video (a few seconds of narration), long enough for a script of its own. */
export const SHORT_TEXT = 'Eastbrook opened a new tram line on Monday. Nine thousand people rode it on the first day.';
