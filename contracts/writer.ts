import type { AnalyseInput, AnalysisResult } from './analysis.ts';
import type { GeneratedScript, PublishMetadata, PublishMetadataInput, RegenerateSceneInput, WriteScriptInput } from './script.ts';

export type WriterKind = 'offline' | 'openai' | 'anthropic';

export interface WriterCallOptions {
  signal?: AbortSignal;
}

/**
 * Analysis and script writing behind one interface: the built-in offline writer, an
 * OpenAI-compatible chat endpoint or the Anthropic Messages API, chosen by configuration. Every
 * implementation returns the same validated shapes.
 */
export interface Writer {
  readonly kind: WriterKind;
  analyse(input: AnalyseInput, options?: WriterCallOptions): Promise<AnalysisResult>;
  writeScript(input: WriteScriptInput, options?: WriterCallOptions): Promise<GeneratedScript>;
  /** New variants for one scene; the other scenes come back unchanged. */
  regenerateScene(input: RegenerateSceneInput, options?: WriterCallOptions): Promise<GeneratedScript>;
  draftPublishMetadata(input: PublishMetadataInput, options?: WriterCallOptions): Promise<PublishMetadata>;
}
