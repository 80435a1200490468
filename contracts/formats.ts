import { z } from 'zod';
import { FORMAT_IDS, LANGUAGES } from './format-values.ts';

export { FORMAT_IDS, FORMATS, LANGUAGES, SPEAKING_RATE_WPS } from './format-values.ts';
export type { FormatId, Language } from './format-values.ts';

export const languageSchema = z.enum(LANGUAGES);

export const formatSchema = z.enum(FORMAT_IDS);

export const SOURCE_TYPES = ['idea', 'text', 'url', 'news', 'media'] as const;
export const sourceTypeSchema = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof sourceTypeSchema>;

export const ASPECTS = ['9:16', '1:1', '16:9'] as const;
export const aspectSchema = z.enum(ASPECTS);
export type Aspect = z.infer<typeof aspectSchema>;
