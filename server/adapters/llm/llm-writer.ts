import type { AnalysisResult } from '../../../contracts/analysis.ts';
import { analysisResultSchema } from '../../../contracts/analysis.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { Language } from '../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, PublishMetadata, ScriptVariant, WriteScriptInput } from '../../../contracts/script.ts';
import { generatedScriptSchema, publishMetadataSchema } from '../../../contracts/script.ts';
import type { Writer, WriterKind } from '../../../contracts/writer.ts';
import { countWords, secondsForWords } from '../../modules/analysis/text-units.ts';
import { bodySceneCount, splitEvenly } from '../../modules/script/body-content.ts';
import { ctaTargetWords, hookTargetWords } from '../../modules/script/offline-writer.ts';
import { detectLanguage } from '../../modules/sources/language.ts';
import { LlmError } from './llm-error.ts';
import type { ScriptDraft } from './llm-schemas.ts';
import { analysisDraftSchema, metadataDraftSchema, sceneVariantsDraftSchema, scriptDraftSchema } from './llm-schemas.ts';
import type { ScenePlan } from './prompts.ts';
import { analysisPrompt, metadataPrompt, regeneratePrompt, scriptPrompt, SYSTEM_PROMPT } from './prompts.ts';
import { requestStructured } from './structured.ts';
import type { ChatTransport } from './transport.ts';

const LENGTH_TOLERANCE = 0.15;

interface VariantDraft {
  style: ScriptVariant['style'];
  text: string;
  score: number;
}

function toVariants(sceneId: string, drafts: VariantDraft[], language: Language, firstIndex = 1): ScriptVariant[] {
  const seen = new Set<string>();
  return drafts
    .map((d) => ({ ...d, text: d.text.replace(/\s+/g, ' ').trim() }))
    .filter((d) => d.text && !seen.has(d.text) && seen.add(d.text))
    .sort((a, b) => b.score - a.score)
    .map((d, i) => {
      const words = countWords(d.text);
      return { id: `${sceneId}-v${firstIndex + i}`, style: d.style, text: d.text, words, seconds: secondsForWords(words, SPEAKING_RATE_WPS[language]), score: d.score };
    });
}

export function scenePlan(input: WriteScriptInput): ScenePlan[] {
  const total = Math.round(input.targetSec * SPEAKING_RATE_WPS[input.language]);
  const hook = hookTargetWords(total);
  const cta = ctaTargetWords(total);
  const body = Math.max(6, total - hook - cta);
  const bodies = splitEvenly(body, bodySceneCount(input.format, body)).map((words) => ({ role: 'body' as const, words }));
  return [{ role: 'hook', words: hook }, ...bodies, { role: 'cta', words: cta }];
}

/** The draft as a contract script: roles fixed to hook...cta, ids assigned, words and seconds counted. */
function toScript(draft: ScriptDraft, input: WriteScriptInput, plan: ScenePlan[], kind: WriterKind): GeneratedScript {
  const last = draft.scenes.length - 1;
  const scenes: GeneratedScene[] = draft.scenes.map((scene, i) => {
    const id = `s${i + 1}`;
    const role = i === 0 ? 'hook' : i === last ? 'cta' : 'body';
    const planned = plan[Math.min(i, plan.length - 1)]?.words ?? 10;
    return { id, role, targetWords: role === 'cta' ? (plan.at(-1)?.words ?? planned) : planned, variants: toVariants(id, scene.variants, input.language) };
  });
  const totalWords = scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0);
  const script = {
    language: input.language,
    format: input.format,
    targetSec: input.targetSec,
    title: input.title?.trim() || (scenes[0]?.variants[0]?.text ?? ''),
    scenes,
    totalWords,
    totalSeconds: secondsForWords(totalWords, SPEAKING_RATE_WPS[input.language]),
    writer: kind,
  };
  const checked = generatedScriptSchema.safeParse(script);
  if (!checked.success) throw new LlmError('INVALID_OUTPUT', `the model's script is unusable: ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
  return checked.data;
}

function lengthProblem(script: GeneratedScript): string | null {
  const target = script.targetSec * SPEAKING_RATE_WPS[script.language];
  if (Math.abs(script.totalWords - target) <= target * LENGTH_TOLERANCE) return null;
  return `the best variants total ${script.totalWords} words, but the script must be about ${Math.round(target)} words (±15%); make the scenes ${script.totalWords > target ? 'shorter' : 'longer'}`;
}

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
      let script: GeneratedScript | null = null;
      await requestStructured({
        transport,
        schema: scriptDraftSchema,
        name: 'video_script',
        description: 'A short-video script: scenes with styled, scored variants.',
        system: SYSTEM_PROMPT,
        user: scriptPrompt(input, plan),
        signal: callOptions?.signal,
        check: (draft) => {
          try {
            script = toScript(draft, input, plan, kind);
          } catch (error) {
            script = null;
            return { hard: (error as Error).message };
          }
          return lengthProblem(script);
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
        user: regeneratePrompt(script, index, input.source.text),
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
