import { z } from 'zod';
import { formatSchema, languageSchema } from './formats.ts';
import { jobIdSchema } from './jobs.ts';
import { makeVideoBodySchema } from './make-video.ts';
import { createProjectBodySchema, listProjectsQuerySchema, projectIdSchema } from './projects.ts';
import { renderBodySchema } from './render-api.ts';
import { applySourceBodySchema } from './sources.ts';
import { voicesQuerySchema } from './voice-api.ts';

/*
 * The inputs of the MCP tools (server/modules/mcp), built from the fields of the REST API's own
 * request schemas so a value the API refuses is refused here with the same message. Unknown
 * arguments are refused by name: an agent's misspelt option must not be ignored silently.
 */

const source = applySourceBodySchema.shape;
const makeSettings = makeVideoBodySchema.unwrap().shape;
const renderSettings = renderBodySchema.unwrap().shape;
const projectRef = { projectId: projectIdSchema.describe('A project id, as list_projects or make_video return it') };

export const MCP_SOURCE_TYPES = ['text', 'url', 'idea'] as const;

export const mcpMakeVideoInputSchema = z.strictObject({
  sourceType: z.enum(MCP_SOURCE_TYPES).describe('text: your own text; url: an article page to import; idea: a sentence or two to write about'),
  text: source.text.describe('The text, for sourceType text'),
  url: source.url.describe('The http(s) address of the article, for sourceType url'),
  idea: source.idea.describe('The idea, for sourceType idea'),
  title: createProjectBodySchema.shape.title.describe("The project's title (default: the source's title)"),
  format: formatSchema.optional().describe('One of list_formats; default: the format the analysis recommends'),
  language: languageSchema.optional().describe('en or ru; default: detected from the text'),
  targetDurationSec: source.targetDurationSec.describe("Target length in seconds, 5-600; default: the format's usual length"),
  aspect: makeSettings.aspect.describe('9:16 (default), 1:1 or 16:9'),
  quality: makeSettings.quality.describe('draft (fastest), standard (default) or high'),
});
export type McpMakeVideoInput = z.infer<typeof mcpMakeVideoInputSchema>;

export const mcpJobInputSchema = z.strictObject({ jobId: jobIdSchema.describe('A job id, as make_video or render_video return it') });

export const mcpListProjectsInputSchema = listProjectsQuerySchema.strict();

export const mcpProjectInputSchema = z.strictObject(projectRef);

export const mcpRenderInputSchema = z.strictObject({ ...projectRef, ...renderSettings });

export const mcpVoicesInputSchema = voicesQuerySchema.strict();

export const mcpNoInputSchema = z.strictObject({});
