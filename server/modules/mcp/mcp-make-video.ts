import type { McpMakeVideoInput } from '../../../contracts/mcp.ts';
import { type ApplySourceBody, type SourceContent, applySourceBodySchema, articleContent } from '../../../contracts/sources.ts';
import type { FormatId } from '../../../contracts/formats.ts';
import { parseOrFail } from '../../http/errors.ts';
import type { McpOperations } from './mcp-operations.ts';

/** Stage 1's body as the REST API takes it (POST /api/projects/:id/source). */
function sourceBody(input: McpMakeVideoInput, format: FormatId, content?: SourceContent): ApplySourceBody {
  const { sourceType, text, url, idea, language, targetDurationSec } = input;
  return {
    sourceType,
    ...(text !== undefined ? { text } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(idea !== undefined ? { idea } : {}),
    ...(content ? { content } : {}),
    format,
    ...(language ? { language } : {}),
    ...(targetDurationSec !== undefined ? { targetDurationSec } : {}),
  };
}

/**
 * make_video: a new project with the source applied (stages 1-2), then the "make video" fast
 * path as a job (script, voice, storyboard, render). The article of a URL is imported once,
 * before the project exists, so a page that cannot be read leaves nothing behind.
 */
export async function makeVideoTool(ops: McpOperations, input: McpMakeVideoInput) {
  // The source's own rules (a text source needs text...) first, as the API words them; the
  // format is checked by the input schema and may still be chosen by the analysis below.
  parseOrFail(applySourceBodySchema, sourceBody(input, input.format ?? 'news'));
  const article = input.sourceType === 'url' ? await ops.importSource({ url: input.url! }) : null;
  const content = article ? articleContent(article) : undefined;
  const text = article?.text ?? input.text ?? input.idea!;
  const format = input.format ?? (await ops.analyse({ text, title: article?.title, language: input.language })).recommendedFormat;

  const project = await ops.createProject(input.title);
  await ops.applySource(project.id, parseOrFail(applySourceBodySchema, sourceBody(input, format, content)));
  if (content && ((content.images?.length ?? 0) > 0 || content.leadImage)) await ops.importArticlePictures(project.id);
  const job = await ops.startMake(project.id, { ...(input.aspect ? { aspect: input.aspect } : {}), ...(input.quality ? { quality: input.quality } : {}) });
  return {
    projectId: project.id,
    format,
    job,
    next: `Call get_job with jobId ${job.id} until its state is succeeded (or failed), then get_video_url with projectId ${project.id}.`,
  };
}
