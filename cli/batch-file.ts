import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { aspectSchema, formatSchema, languageSchema, type Aspect, type FormatId, type Language } from '../contracts/formats.ts';
import { qualityPresetSchema, type QualityPreset } from '../contracts/render-plan.ts';
import { readInput, type SourceInput } from './input.ts';

/** Per-item options of a batch file's JSON line (command-line options are the defaults). */
export interface ItemOptions {
  language?: Language;
  format?: FormatId;
  durationSec?: number;
  aspect?: Aspect;
  voice?: string;
  music?: string;
  quality?: QualityPreset;
}

/** One input of a batch file: where it is (for messages), what it is, and its own options. */
export interface BatchEntry {
  line: number;
  /** The input as written, shortened for messages. */
  label: string;
  /** `input` is read like a plain line (URL, file or text); `text` is always text. */
  input: { auto: string } | { text: string };
  options: ItemOptions;
  /** Why the line cannot be used at all (bad JSON, unknown option). */
  error: string | null;
}

const jsonLineSchema = z
  .object({
    input: z.string().trim().min(1).optional(),
    text: z.string().trim().min(1).optional(),
    lang: languageSchema.optional(),
    language: languageSchema.optional(),
    format: formatSchema.optional(),
    duration: z.number().int().min(5).max(600).optional(),
    aspect: aspectSchema.optional(),
    voice: z.string().min(1).max(200).optional(),
    music: z.string().min(1).max(1000).optional(),
    quality: qualityPresetSchema.optional(),
  })
  .strict()
  .refine((line) => (line.input === undefined) !== (line.text === undefined), 'give exactly one of "input" (a URL, file or text) and "text"');

const FILE_EXTENSION = /\.(txt|text|md|markdown|html?|xhtml)$/i;
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The lines of a batch file that hold an input: blank lines and lines starting with # are skipped. */
export function parseBatchFile(content: string): BatchEntry[] {
  const entries: BatchEntry[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim();
      if (!text || text.startsWith('#')) return;
      const line = index + 1;
      if (!text.startsWith('{')) {
        entries.push({ line, label: shorten(text), input: { auto: text }, options: {}, error: null });
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        entries.push({ line, label: shorten(text), input: { text: '' }, options: {}, error: `not valid JSON: ${(error as Error).message}` });
        return;
      }
      const parsed = jsonLineSchema.safeParse(value);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
        entries.push({ line, label: shorten(text), input: { text: '' }, options: {}, error: why });
        return;
      }
      const item = parsed.data;
      const options: ItemOptions = {
        language: item.lang ?? item.language,
        format: item.format,
        durationSec: item.duration,
        aspect: item.aspect,
        voice: item.voice,
        music: item.music,
        quality: item.quality,
      };
      const input = item.input !== undefined ? { auto: item.input } : { text: item.text! };
      entries.push({ line, label: shorten(item.input ?? item.text!), input, options, error: null });
    });
  return entries;
}

/** An entry's source: a URL, a file (relative to the batch file's folder) or the text itself. */
export async function sourceOf(entry: BatchEntry, baseDir: string): Promise<SourceInput> {
  if ('text' in entry.input) return { body: { text: entry.input.text }, label: entry.label };
  const value = entry.input.auto;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return readInput(value);
  if (FILE_EXTENSION.test(value) && !value.includes('\n')) return readInput(isAbsolute(value) ? value : resolve(baseDir, value));
  return { body: { text: value }, label: entry.label };
}
