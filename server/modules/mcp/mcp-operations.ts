import type { AnalyseInput, AnalysisResult } from '../../../contracts/analysis.ts';
import type { Asset } from '../../../contracts/assets.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { MakeVideoBody } from '../../../contracts/make-video.ts';
import type { Project } from '../../../contracts/projects.ts';
import type { RenderBody, RenderState } from '../../../contracts/render-api.ts';
import type { ApplySourceBody, Article, ImportSourceBody } from '../../../contracts/sources.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { VoiceCatalog } from '../../../contracts/voice-api.ts';
import type { AppContext } from '../../app-context.ts';
import type { AuthContext } from '../../http/router.ts';

export interface ProjectFilter {
  status?: Project['status'];
  deleted?: boolean;
  q?: string;
  limit?: number;
}

/**
 * What the MCP tools do to ReelForge, one call per REST endpoint: answered by the services in
 * this process (the API's /api/mcp, `reelforge mcp` on a data directory) or by a running server
 * over its API (`reelforge mcp --server`). Failures are AppErrors with the API's messages.
 */
export interface McpOperations {
  importSource(body: ImportSourceBody): Promise<Article>;
  analyse(input: AnalyseInput): Promise<AnalysisResult>;
  createProject(title: string | undefined): Promise<Project>;
  applySource(projectId: string, body: ApplySourceBody): Promise<void>;
  importArticlePictures(projectId: string): Promise<void>;
  startMake(projectId: string, body: MakeVideoBody): Promise<Job>;
  job(jobId: string): Promise<Job>;
  listProjects(filter: ProjectFilter): Promise<Project[]>;
  steps(projectId: string): Promise<Step[]>;
  startRender(projectId: string, body: RenderBody): Promise<Job>;
  renderState(projectId: string): Promise<RenderState>;
  voices(language: string | undefined): Promise<VoiceCatalog>;
  /** Where the caller can fetch a stored file's bytes (an http(s) URL needing the same token, or a file: URL). */
  fileUrl(asset: Asset): Promise<string>;
}

/** The operations on this process's services, as `user`; `fileUrl` says where files are served to this caller. */
export function serviceOperations(context: AppContext, user: AuthContext, fileUrl: McpOperations['fileUrl']): McpOperations {
  const { textPipeline, projects, storyboard, makeVideo, jobs, steps, render, voice } = context;
  return {
    importSource: (body) => textPipeline.sources.import(body),
    analyse: (input) => textPipeline.analysis.analyse(user.userId, input),
    createProject: (title) => projects.create(user, title),
    applySource: async (projectId, body) => void (await textPipeline.projectSource.apply(user, projectId, body)),
    importArticlePictures: async (projectId) => void (await storyboard.importArticlePictures(user, projectId)),
    startMake: (projectId, body) => makeVideo.start(user, projectId, body),
    job: (jobId) => jobs.get(user, jobId),
    listProjects: (filter) => projects.list(user, filter),
    steps: (projectId) => steps.list(user, projectId),
    startRender: (projectId, body) => render.start(user, projectId, body),
    renderState: (projectId) => render.state(user, projectId),
    voices: (language) => voice.catalog(user, language),
    fileUrl,
  };
}
