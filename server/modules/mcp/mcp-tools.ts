import type { z } from 'zod';
import {
  mcpJobInputSchema,
  mcpListProjectsInputSchema,
  mcpMakeVideoInputSchema,
  mcpNoInputSchema,
  mcpProjectInputSchema,
  mcpRenderInputSchema,
  mcpVoicesInputSchema,
} from '../../../contracts/mcp.ts';
import { makeVideoTool } from './mcp-make-video.ts';
import type { McpOperations } from './mcp-operations.ts';
import { formatsList, performanceOf, scriptOf, videoOf } from './mcp-reads.ts';

export interface McpTool<S extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: S;
  /** Only reads: an agent may call it without asking. */
  readOnly: boolean;
  run(ops: McpOperations, input: z.infer<S>): Promise<Record<string, unknown>>;
}

const tool = <S extends z.ZodType>(definition: McpTool<S>) => definition as unknown as McpTool;

export const MCP_TOOLS: McpTool[] = [
  tool({
    name: 'make_video',
    title: 'Make a video',
    description:
      'Makes a short vertical video from a text, an article URL or an idea: a new project, then a job that writes the script (best variant of every scene), narrates it, builds the storyboard and renders an MP4. Returns the project id and the job; follow the job with get_job, then get_video_url.',
    input: mcpMakeVideoInputSchema,
    readOnly: false,
    run: makeVideoTool,
  }),
  tool({
    name: 'get_job',
    title: 'Check a job',
    description: "A job's state (queued, running, succeeded, failed, cancelled), progress from 0 to 1, current step, and its error when it failed.",
    input: mcpJobInputSchema,
    readOnly: true,
    run: (ops, { jobId }) => ops.job(jobId),
  }),
  tool({
    name: 'list_projects',
    title: 'List projects',
    description: 'Your projects, most recently changed first: id, title, status (draft, in_progress, rendered, published) and the stage each one is at (1-8).',
    input: mcpListProjectsInputSchema,
    readOnly: true,
    run: async (ops, query) => ({
      projects: await ops.listProjects({ status: query.status, deleted: query.deleted === 'true', q: query.q, limit: query.limit }),
    }),
  }),
  tool({
    name: 'get_script',
    title: "Get a project's script",
    description: "The project's script scene by scene (hook, body, call to action): the final script once saved, else the generated variants with the chosen one's text. unfilled lists the scenes that still hold a bracketed place for facts the source did not give (the offline writer leaves them on short texts and ideas).",
    input: mcpProjectInputSchema,
    readOnly: true,
    run: (ops, { projectId }) => scriptOf(ops, projectId),
  }),
  tool({
    name: 'render_video',
    title: 'Render a project',
    description: 'Renders the project again as it stands (after edits in the web app, or in another aspect or quality) as a job; follow it with get_job, then get_video_url.',
    input: mcpRenderInputSchema,
    readOnly: false,
    run: async (ops, { projectId, aspect, quality }) => ({ job: await ops.startRender(projectId, { ...(aspect ? { aspect } : {}), ...(quality ? { quality } : {}) }) }),
  }),
  tool({
    name: 'get_video_url',
    title: 'Get the video',
    description:
      "Where to download the project's latest rendered MP4 and its captions (over HTTP send the same bearer token), with its length and size; ready is false while there is none yet, with the render job's state.",
    input: mcpProjectInputSchema,
    readOnly: true,
    run: (ops, { projectId }) => videoOf(ops, projectId),
  }),
  tool({
    name: 'list_voices',
    title: 'List voices',
    description: 'The narration voices available to you (provider and id), optionally for one language, and which providers are configured.',
    input: mcpVoicesInputSchema,
    readOnly: true,
    run: (ops, { language }) => ops.voices(language),
  }),
  tool({
    name: 'list_formats',
    title: 'List formats',
    description: 'The video formats make_video takes, with their usual lengths in seconds, and the languages, aspects and render qualities.',
    input: mcpNoInputSchema,
    readOnly: true,
    run: async () => formatsList(),
  }),
  tool({
    name: 'get_performance',
    title: "Read a video's performance",
    description: "Stage 8 of the project as stored: where the video was published and the metrics recorded for it (views, likes, watch time... over time); recorded is false when nothing was entered yet.",
    input: mcpProjectInputSchema,
    readOnly: true,
    run: (ops, { projectId }) => performanceOf(ops, projectId),
  }),
];
