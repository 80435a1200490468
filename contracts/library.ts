import { z } from 'zod';
import { aspectSchema, formatSchema, languageSchema } from './formats.ts';
import { sceneRoleSchema } from './script.ts';

/** A script kept in the library: the scene texts in order, with the language and format they were written for. */
export const libraryScriptSchema = z.object({
  language: languageSchema,
  format: formatSchema,
  scenes: z
    .array(z.object({ role: sceneRoleSchema.optional(), text: z.string().trim().min(1, 'a scene has no text').max(1000) }))
    .min(2, 'a script has at least two scenes')
    .max(40, 'a script has at most 40 scenes'),
});
export type LibraryScript = z.infer<typeof libraryScriptSchema>;

/** Where a saved script came from. */
export const librarySourceSchema = z.object({
  kind: z.enum(['project', 'factory', 'manual']),
  projectId: z.uuid().optional(),
  /** The factory draft it was approved from. */
  draftId: z.string().max(100).optional(),
  url: z.string().max(2048).optional(),
  title: z.string().max(500).optional(),
});
export type LibrarySource = z.infer<typeof librarySourceSchema>;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'a tag is empty')
  .max(40, 'a tag has at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'a tag is letters, digits, spaces, _ and -');
export const tagsSchema = z
  .array(tag)
  .max(20, 'at most 20 tags')
  .transform((tags) => [...new Set(tags)]);

const title = z.string().trim().min(1, 'title is empty').max(200);

export const saveLibraryScriptBodySchema = z.object({
  title,
  script: libraryScriptSchema,
  tags: tagsSchema.optional(),
  source: librarySourceSchema.optional(),
});
export type SaveLibraryScriptBody = z.infer<typeof saveLibraryScriptBodySchema>;

export const addLibraryVersionBodySchema = z.object({ script: libraryScriptSchema, title: title.optional(), source: librarySourceSchema.optional() });

export const updateLibraryEntryBodySchema = z
  .object({ title: title.optional(), tags: tagsSchema.optional() })
  .refine((b) => b.title !== undefined || b.tags !== undefined, 'send title or tags');

/** POST /api/projects/:id/library: the project's final script into the library (a new version of its entry when it has one). */
export const saveProjectScriptBodySchema = z.object({ title: title.optional(), tags: tagsSchema.optional() }).optional();

export const libraryQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Text contained in the title or the latest script'),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

export const libraryVersionSchema = z.object({
  version: z.number().int(),
  script: libraryScriptSchema,
  source: librarySourceSchema,
  totalWords: z.number().int(),
  createdAt: z.string(),
});
export type LibraryVersion = z.infer<typeof libraryVersionSchema>;

export const libraryEntrySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  tags: z.array(z.string()),
  projectId: z.uuid().nullable(),
  latestVersion: z.number().int(),
  /** The latest version's script. */
  latest: libraryVersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

export const libraryVersionSummarySchema = libraryVersionSchema.omit({ script: true }).extend({ sceneCount: z.number().int(), preview: z.string() });
export type LibraryVersionSummary = z.infer<typeof libraryVersionSummarySchema>;

export const libraryEntryDetailSchema = libraryEntrySchema.extend({ versions: z.array(libraryVersionSummarySchema) });
export type LibraryEntryDetail = z.infer<typeof libraryEntryDetailSchema>;

export const compareQuerySchema = z.object({
  from: z.coerce.number().int().min(1, 'from is a version number'),
  to: z.coerce.number().int().min(1, 'to is a version number'),
});

/** Scene by scene: what version `from` and version `to` say at each position. */
export const libraryComparisonSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  scenes: z.array(
    z.object({
      index: z.number().int(),
      change: z.enum(['same', 'changed', 'added', 'removed']),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
export type LibraryComparison = z.infer<typeof libraryComparisonSchema>;

export const produceBodySchema = z
  .object({
    version: z.number().int().min(1).optional().describe('Default: the latest version'),
    targetDurationSec: z.number().int().min(5).max(600).optional(),
    /** Go on to a rendered video with the fast path. */
    makeVideo: z.boolean().optional(),
    aspect: aspectSchema.optional(),
    quality: z.enum(['draft', 'standard', 'high']).optional(),
  })
  .strict()
  .optional();
export type ProduceBody = z.infer<typeof produceBodySchema>;
