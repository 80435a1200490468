import type { MessageKey, Translate } from '../i18n/i18n.tsx';

/**
 * What a running script or avatar job says it is doing (server/modules/script/script.service.ts,
 * server/modules/avatar/clip-job.ts), in the reader's language. An unknown step shows nothing
 * rather than English on a Russian screen: the label beside it already says what runs.
 */
const STEPS: Array<[RegExp, MessageKey, (match: RegExpMatchArray) => Record<string, string>]> = [
  [/^reading the source$/, 'jobStep.reading', () => ({})],
  [/^writing the script \((\w+) writer\)$/, 'jobStep.writing', (m) => ({ writer: m[1]! })],
  [/^writing new variants for scene (\S+) \((\w+) writer\)$/, 'jobStep.variants', (m) => ({ scene: m[1]!, writer: m[2]! })],
  [/^saving$/, 'jobStep.saving', () => ({})],
  [/^analysing$/, 'jobStep.analysing', () => ({})],
  [/^uploading the narration$/, 'jobStep.uploadingNarration', () => ({})],
  [/^ordering the clip$/, 'jobStep.ordering', () => ({})],
  [/^HeyGen is making the clip \((\w+)\)$/, 'jobStep.heygen', () => ({})],
  [/^downloading the clip$/, 'jobStep.downloading', () => ({})],
  [/^done$/, 'jobStep.done', () => ({})],
];

export function jobStepText(step: string | null | undefined, t: Translate): string {
  if (!step) return '';
  for (const [pattern, key, values] of STEPS) {
    const match = pattern.exec(step);
    if (match) return t(key, { ...values(match), writer: t(match[0].includes('offline') ? 'jobStep.writer.offline' : 'jobStep.writer.llm') });
  }
  return '';
}
