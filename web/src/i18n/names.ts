import { en, type MessageKey } from './en.ts';
import type { Translate } from './i18n.tsx';

/** Only the built-in engines' voices have names in the catalogue; remote voices keep their own names. */
const BUILT_IN_ENGINES = new Set(['festival', 'espeak']);

const catalogueKey = (key: string): key is MessageKey => key in en;

/** A voice's name in the interface language ("Русский, мужской" for espeak-ng's "ru"). */
export function voiceLabel(t: Translate, voice: { provider: string; id: string; name: string }): string {
  const key = `voice.builtin.${voice.id}`;
  return BUILT_IN_ENGINES.has(voice.provider) && catalogueKey(key) ? t(key) : voice.name;
}

/** A voice engine's name in the interface language, else the server's label. */
export function voiceEngineLabel(t: Translate, engine: { id: string; label: string }): string {
  const key = `voice.provider.${engine.id}`;
  return catalogueKey(key) ? t(key) : engine.label;
}

/** A provider's name on the providers page in the interface language, else the server's label. */
export function providerLabel(t: Translate, status: { provider: string; label: string }): string {
  const key = `providers.label.${status.provider}`;
  return catalogueKey(key) ? t(key) : status.label;
}
