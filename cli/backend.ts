import type { AnalyseInput, AnalysisResult } from '../contracts/analysis.ts';
import type { Asset } from '../contracts/assets.ts';
import type { Job } from '../contracts/jobs.ts';
import type { MakeVideoBody } from '../contracts/make-video.ts';
import type { Project } from '../contracts/projects.ts';
import type { RenderBody, RenderState } from '../contracts/render-api.ts';
import type { SaveFinalScriptBody } from '../contracts/script-workflow.ts';
import type { ApplySourceBody, Article, ImportSourceBody } from '../contracts/sources.ts';
import type { MergeStepBody, Step } from '../contracts/steps.ts';
import type { ArticlePicturesResult, StockFillResult } from '../contracts/storyboard-api.ts';
import type { VoiceCatalog } from '../contracts/voice-api.ts';

export type JobProgress = (fraction: number, step: string | null) => void;

/**
 * What the pipeline needs from ReelForge, answered either in this process (an app context with
 * the server's own services and job handlers) or by a running server over its API.
 */
export interface Backend {
  importSource(body: ImportSourceBody): Promise<Article>;
  analyse(input: AnalyseInput): Promise<AnalysisResult>;
  createProject(title: string): Promise<Project>;
  listProjects(): Promise<Project[]>;
  applySource(projectId: string, body: ApplySourceBody): Promise<void>;
  /** Downloads the article's pictures into the project (the automatic storyboard shows them). */
  importArticlePictures(projectId: string): Promise<ArticlePicturesResult>;
  /** Pexels photos for scenes no article picture fits, when a Pexels key is configured. */
  fillWithStock(projectId: string): Promise<StockFillResult>;
  steps(projectId: string): Promise<Step[]>;
  mergeStep(projectId: string, stepNumber: number, patch: MergeStepBody): Promise<Step>;
  skipStep(projectId: string, stepNumber: number, reason: string): Promise<void>;
  changeStage(projectId: string, stage: number): Promise<void>;
  saveFinalScript(projectId: string, body: SaveFinalScriptBody): Promise<void>;
  voices(language: string): Promise<VoiceCatalog>;
  /** Each runs its job to the end (reporting progress) and fails with the job's reason. */
  generateScript(projectId: string, onProgress: JobProgress): Promise<void>;
  narrate(projectId: string, onProgress: JobProgress): Promise<void>;
  render(projectId: string, body: RenderBody, onProgress: JobProgress): Promise<Job>;
  /**
   * A server's "make video" job (POST /api/projects/:id/make): script, voice, storyboard and
   * render in one go, followed to its end. In this process the stages are run one by one instead.
   */
  makeVideo?(projectId: string, body: MakeVideoBody, onProgress: JobProgress): Promise<Job>;
  renderState(projectId: string): Promise<RenderState>;
  job(jobId: string): Promise<Job>;
  /** Uploads a local audio file as the project's music (an asset of kind music). */
  uploadMusic(projectId: string, path: string): Promise<Asset>;
  /** Copies an asset's bytes to a local file. */
  download(asset: Asset, path: string): Promise<void>;
  close(): Promise<void>;
}
