import type { AnalysisResult } from '../../../../contracts/analysis.ts';
import { analysisResultSchema } from '../../../../contracts/analysis.ts';
import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScript, PublishMetadata } from '../../../../contracts/script.ts';
import { generatedScriptSchema, publishMetadataSchema } from '../../../../contracts/script.ts';
import type { Writer, WriterKind } from '../../../../contracts/writer.ts';
import { LlmError } from '../../../adapters/llm/llm-error.ts';
import { requestStructured } from '../../../adapters/llm/structured.ts';
import type { ChatTransport } from '../../../adapters/llm/transport.ts';
import { classifyContent } from '../../analysis/content-kind.ts';
import { countWords, secondsForWords } from '../../analysis/text-units.ts';
import { detectLanguage } from '../../sources/language.ts';
import { scenePlan } from '../scene-budget.ts';
import { analysisDraftSchema, metadataDraftSchema, sceneVariantsDraftSchema, scriptDraftSchema } from './llm-schemas.ts';
import { analysisPrompt, metadataPrompt, regeneratePrompt, scriptPrompt, SYSTEM_PROMPT } from './prompts.ts';
import { scriptFromDraft, scriptProblems, toVariants } from './script-draft.ts';

function cleanHashtag(tag: string): string {
  return `#${tag.replace(/^#+/, '').replace(/[^\p{L}\p{N}_]/gu, '')}`;
}

/** A Writer backed by a chat model; every answer is validated with the contract schemas. */
export function createLlmWriter(transport: ChatTransport, options: { now?: () => Date } = {}): Writer {
  const kind: WriterKind = transport.provider;
  const now = options.now ?? (() => new Date());
  return {
    kind,
    async analyse(input, callOptions) {
      const language = input.language ?? detectLanguage(`${input.title ?? ''}\n${input.text}`);
      const draft = await requestStructured({
        transport,
        schema: analysisDraftSchema,
        name: 'video_potential',
        description: 'How much potential the text has as a short video.',
        system: SYSTEM_PROMPT,
        user: analysisPrompt(input, language, now().toISOString().slice(0, 10)),
        signal: callOptions?.signal,
      });
      const wordCount = countWords(input.text);
      const result: AnalysisResult = { ...draft, speakingTimeSec: secondsForWords(wordCount, SPEAKING_RATE_WPS[language]), wordCount, language, analyser: kind };
      return analysisResultSchema.parse(result);
    },

    async writeScript(input, callOptions) {
      const plan = scenePlan(input);
      const content = classifyContent(input.text, input.title ?? '', input.language);
      let script: GeneratedScript | null = null;
      // Language, length and scene count are checked before anything is saved: a bad answer is sent
      // back once with its failures named, a second bad answer is an INVALID_OUTPUT error.
      await requestStructured({
        transport,
        schema: scriptDraftSchema,
        name: 'video_script',
        description: 'A short-video script: scenes with styled, scored variants.',
        system: SYSTEM_PROMPT,
        user: scriptPrompt(input, plan, content),
        signal: callOptions?.signal,
        check: (draft) => {
          try {
            script = scriptFromDraft(draft, input, plan, kind);
          } catch (error) {
            script = null;
            return { hard: (error as Error).message };
          }
          const problems = scriptProblems(script, plan, detectLanguage);
          return problems.length === 0 ? null : { hard: problems.join('; ') };
        },
      });
      if (!script) throw new LlmError('INVALID_OUTPUT', 'the model returned no script');
      return script;
    },

    async regenerateScene(input, callOptions) {
      const { script, sceneId } = input;
      const index = script.scenes.findIndex((s) => s.id === sceneId);
      const scene = script.scenes[index];
      if (!scene) throw new LlmError('BAD_REQUEST', `the script has no scene "${sceneId}"`);
      const previous = new Set(scene.variants.map((v) => v.text.trim()));
      const draft = await requestStructured({
        transport,
        schema: sceneVariantsDraftSchema,
        name: 'scene_variants',
        description: 'New variants for one scene of a short-video script.',
        system: SYSTEM_PROMPT,
        user: regeneratePrompt(script, index, input.source.text, input.source.guidance),
        signal: callOptions?.signal,
        check: (d) => (d.variants.filter((v) => !previous.has(v.text.trim())).length >= 3 ? null : { hard: 'give at least 3 variants that differ from the previous ones' }),
      });
      const fresh = draft.variants.filter((v) => !previous.has(v.text.trim()));
      if (fresh.length < 3) throw new LlmError('INVALID_OUTPUT', 'the model did not return 3 new variants for the scene');
      const next = Math.max(0, ...scene.variants.map((v) => Number(/-v(\d+)$/.exec(v.id)?.[1] ?? 0))) + 1;
      const variants = toVariants(scene.id, fresh, script.language, next);
      const scenes = script.scenes.map((s) => (s.id === sceneId ? { ...scene, variants } : s));
      const totalWords = scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0);
      return generatedScriptSchema.parse({ ...script, scenes, totalWords, totalSeconds: secondsForWords(totalWords, SPEAKING_RATE_WPS[script.language]) });
    },

    async draftPublishMetadata(input, callOptions): Promise<PublishMetadata> {
      const draft = await requestStructured({
        transport,
        schema: metadataDraftSchema,
        name: 'publish_metadata',
        description: 'Title, description and hashtags for publishing the video.',
        system: SYSTEM_PROMPT,
        user: metadataPrompt(input),
        signal: callOptions?.signal,
      });
      const hashtags = [...new Set(draft.hashtags.map(cleanHashtag))].filter((tag) => /^#[\p{L}\p{N}_]{2,40}$/u.test(tag)).slice(0, 10);
      const parsed = publishMetadataSchema.safeParse({ ...draft, hashtags });
      if (!parsed.success) throw new LlmError('INVALID_OUTPUT', `the model's publish metadata is unusable: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    },
  };
}
