import { z } from 'zod';
import { formatSchema, languageSchema } from './formats.ts';
import { sceneIdSchema, sceneRoleSchema } from './script.ts';

/* The content factory: rules, runs with per-item logs, drafts in a review queue, what it learned. */

const keyword = z.string().trim().min(1, 'a keyword cannot be empty').max(60);

export const factoryRulesSchema = z
  .object({
    enabled: z.boolean(),
    /** Empty: every feed of the author. */
    feedIds: z.array(z.uuid({ message: 'must be a feed id (UUID)' })).max(100),
    includeKeywords: z.array(keyword).max(50),
    excludeKeywords: z.array(keyword).max(50),
    maxItemAgeHours: z.number().int().min(1).max(24 * 60),
    minScore: z.number().int().min(0).max(100),
    formats: z.array(formatSchema).min(1, 'choose at least one format'),
    minLengthSec: z.number().int().min(10).max(180),
    maxLengthSec: z.number().int().min(10).max(180),
    /** 'any': every story in its own language; otherwise stories in other languages are passed over. */
    language: z.enum(['any', 'en', 'ru']),
    toneNotes: z.string().max(1000),
    draftsPerDay: z.number().int().min(0).max(100),
    /** Estimated provider spend per month in US dollars; null: no budget limit. */
    monthlyBudget: z.number().min(0).max(100_000).nullable(),
  })
  .refine((rules) => rules.minLengthSec <= rules.maxLengthSec, { path: ['maxLengthSec'], message: 'must not be below minLengthSec' });
export type FactoryRules = z.infer<typeof factoryRulesSchema>;

export const DEFAULT_FACTORY_RULES: FactoryRules = {
  enabled: false,
  feedIds: [],
  includeKeywords: [],
  excludeKeywords: [],
  maxItemAgeHours: 48,
  minScore: 50,
  formats: ['news', 'hook-story', 'explainer'],
  minLengthSec: 15,
  maxLengthSec: 60,
  language: 'any',
  toneNotes: '',
  draftsPerDay: 3,
  monthlyBudget: null,
};

/** What a writing-profile rule makes the writers do; null: a free rule only an LLM can follow. */
export const PROFILE_RULE_KINDS = ['no-question-hook', 'number-in-hook', 'shorter', 'longer'] as const;
export const profileRuleKindSchema = z.enum(PROFILE_RULE_KINDS);
export type ProfileRuleKind = z.infer<typeof profileRuleKindSchema>;

export const profileRuleSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: profileRuleKindSchema.nullable(),
  source: z.enum(['revision', 'rejection', 'author', 'llm']),
  createdAt: z.string(),
});
export type ProfileRule = z.infer<typeof profileRuleSchema>;
export const profileRuleBodySchema = z.object({ text: z.string().trim().min(3, 'a rule needs a few words').max(300) });

export const learnedEventSchema = z.object({ at: z.string(), change: z.string(), vars: z.record(z.string(), z.union([z.string(), z.number()])) });

export const learnedSchema = z.object({
  /** Added to the author's minimum score: rejections raise it, approvals lower it. */
  minScoreDelta: z.number().int().min(-30).max(30),
  avoidedTopics: z.array(keyword).max(100),
  /** Approvals minus rejections per format; the best positive one is written first. */
  formatVotes: z.record(z.string(), z.number().int()),
  /** Multiplies the target length ("too long" rejections shorten it). */
  lengthFactor: z.number().min(0.5).max(1.5),
  history: z.array(learnedEventSchema),
});
export type Learned = z.infer<typeof learnedSchema>;
export const EMPTY_LEARNED: Learned = { minScoreDelta: 0, avoidedTopics: [], formatVotes: {}, lengthFactor: 1, history: [] };

/** The author's corrections of what was learned (each field replaces the learned value). */
export const learnedPatchSchema = z
  .object({
    minScoreDelta: z.number().int().min(-30).max(30),
    avoidedTopics: z.array(keyword).max(100),
    formatVotes: z.record(formatSchema, z.number().int().min(-100).max(100)),
    lengthFactor: z.number().min(0.5).max(1.5),
  })
  .partial();

export const factorySettingsSchema = z.object({
  rules: factoryRulesSchema,
  learned: learnedSchema,
  profile: z.array(profileRuleSchema),
  /** What the next run applies: the rules corrected by what was learned. */
  effective: z.object({ minScore: z.number(), preferredFormats: z.array(formatSchema), lengthFactor: z.number(), avoidedTopics: z.array(z.string()) }),
  usage: z.object({ draftsToday: z.number().int(), spentThisMonth: z.number() }),
});
export type FactorySettings = z.infer<typeof factorySettingsSchema>;

/** One line of an item's log: a code the screens translate, with its values ("scored", {score: 81}). */
export const ITEM_STEPS = ['fetched', 'feed-text', 'summary-only', 'scored', 'below-score', 'wrong-language', 'limit-reached', 'budget-reached', 'written', 'check-failed', 'retried', 'checks-passed', 'filed', 'failed'] as const;
export const itemLogEntrySchema = z.object({ at: z.string(), step: z.enum(ITEM_STEPS), vars: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type ItemLogEntry = z.infer<typeof itemLogEntrySchema>;

export const factoryItemSchema = z.object({
  id: z.uuid(),
  feedItemId: z.uuid(),
  title: z.string(),
  status: z.enum(['working', 'filed', 'skipped', 'failed']),
  reason: z.string().nullable(),
  log: z.array(itemLogEntrySchema),
  createdAt: z.string(),
});
export type FactoryItem = z.infer<typeof factoryItemSchema>;

export const factoryRunSchema = z.object({
  id: z.uuid(),
  trigger: z.enum(['schedule', 'manual']),
  status: z.enum(['running', 'done', 'failed']),
  summary: z.object({ considered: z.number().int(), filed: z.number().int(), skipped: z.number().int(), failed: z.number().int(), stoppedBy: z.string().nullable() }).partial(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  items: z.array(factoryItemSchema),
});
export type FactoryRun = z.infer<typeof factoryRunSchema>;

export const CHECK_NAMES = ['length', 'language', 'lead-facts', 'fragments', 'tone', 'furniture', 'no-question-hook', 'number-in-hook'] as const;
export const scriptCheckSchema = z.object({ name: z.enum(CHECK_NAMES), ok: z.boolean(), detail: z.string().nullable() });
export type ScriptCheckResult = z.infer<typeof scriptCheckSchema>;

export const draftSceneSchema = z.object({ id: sceneIdSchema, role: sceneRoleSchema, text: z.string() });
export type DraftScene = z.infer<typeof draftSceneSchema>;

export const draftVersionSchema = z.object({
  number: z.number().int(),
  kind: z.enum(['written', 'revision', 'edit']),
  scenes: z.array(draftSceneSchema),
  notes: z.string().nullable(),
  sceneIds: z.array(sceneIdSchema).nullable(),
  at: z.string(),
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;

export const REJECT_CATEGORIES = ['boring-topic', 'wrong-facts', 'bad-hook', 'too-long', 'wrong-tone', 'other'] as const;
export const rejectCategorySchema = z.enum(REJECT_CATEGORIES);
export type RejectCategory = z.infer<typeof rejectCategorySchema>;

export const WHY_CODES = ['keywords', 'score', 'fresh', 'format-preferred', 'format-recommended', 'format-allowed'] as const;
export const whySchema = z.object({ code: z.enum(WHY_CODES), vars: z.record(z.string(), z.union([z.string(), z.number()])) });

export const draftSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  sourceUrl: z.string().nullable(),
  feedTitle: z.string().nullable(),
  score: z.number().int(),
  format: formatSchema,
  language: languageSchema,
  why: z.array(whySchema),
  checks: z.array(scriptCheckSchema),
  scenes: z.array(draftSceneSchema),
  versions: z.array(draftVersionSchema),
  revisionsLeft: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected']),
  rejectCategory: rejectCategorySchema.nullable(),
  rejectReason: z.string().nullable(),
  projectId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
export const MAX_REVISIONS = 5;

const sceneEditsSchema = z.array(z.object({ id: sceneIdSchema, text: z.string().trim().min(1, 'a scene cannot be empty').max(1000) })).max(20);

export const approveDraftBodySchema = z.object({
  /** 'project': a project at the voice stage; 'video': the same, then the fast path to a rendered video. */
  mode: z.enum(['project', 'video']).default('project'),
  /** The author's edits, applied (and kept as a version) before approving. */
  scenes: sceneEditsSchema.optional(),
});
export const reviseDraftBodySchema = z.object({
  notes: z.string().trim().min(3, 'say what to change').max(2000),
  /** Only these scenes are rewritten; the others stay exactly as they are. Absent: every scene. */
  sceneIds: z.array(sceneIdSchema).min(1).max(20).optional(),
});
export const rejectDraftBodySchema = z.object({ category: rejectCategorySchema, reason: z.string().trim().max(1000).optional() });

export const approveResultSchema = z.object({ draft: draftSchema, projectId: z.uuid(), jobId: z.uuid().nullable() });
