import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ru } from './ru.ts';

const WEB_SRC = join(import.meta.dirname, '..');

/** Words that are the same in every language: names of products and formats, and example addresses. */
const ALLOWED = new Set(['Pexels', 'https://', 'https://example.com/feed.xml']);
/** Catalogue entries that are names (of the app, a provider, platforms) and read the same in Russian. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'app.name', 'nav.apiDocs', 'writer.anthropic', 'render.aspect.9:16.hint',
  'render.aspect.16:9.hint',
  'perf.platform.instagram',
  'perf.platform.tiktok',
  'perf.platform.youtube',
  'perf.source.youtube',
  'perf.source.instagram',
  'voice.provider.elevenlabs',
  'providers.label.elevenlabs',
  'providers.label.anthropic',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Text between JSX tags and user-facing attributes written as literals instead of t(...). */
function hardCoded(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/>([^<>{}]*)<\//g)) {
    const text = match[1]!.trim();
    if (/\p{L}{2,}/u.test(text) && !ALLOWED.has(text)) found.push(text);
  }
  for (const match of source.matchAll(/\b(aria-label|aria-valuetext|title|placeholder|alt|label)="([^"]*)"/g)) {
    if (/\p{L}{2,}/u.test(match[2]!) && !ALLOWED.has(match[2]!)) found.push(`${match[1]}="${match[2]}"`);
  }
  // Text in a JSX expression: {'Loading'}.
  for (const match of source.matchAll(/\{\s*(['"])([^'"\n]*\p{L}{2,}[^'"\n]*)\1\s*\}/gu)) {
    if (!ALLOWED.has(match[2]!)) found.push(match[0]);
  }
  // A unit glued to a number: `${seconds} s`, `${size} KB`.
  for (const match of source.matchAll(/\$\{[^}]+\}\s?(s|ms|min|sec|KB|MB)\b/g)) found.push(match[0]);
  // English words chosen in a condition: ok ? 'Saved' : 'Not saved'.
  for (const match of source.matchAll(/[?:]\s*(['"])([A-Z][a-z]+(?: [a-z]+)+)\1/g)) found.push(match[2]!);
  return found;
}

describe('the web app speaks only through the catalogue', () => {
  it('has no hard-coded user-facing text in any component', () => {
    const offenders = sourceFiles(WEB_SRC).flatMap((file) => hardCoded(readFileSync(file, 'utf8')).map((text) => `${relative(WEB_SRC, file)}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('the check itself finds text and attributes written in place', () => {
    expect(hardCoded('<p>Untitled video</p><b>{t("x")}</b><input placeholder="Your name" />')).toEqual(['Untitled video', 'placeholder="Your name"']);
    expect(hardCoded("<b>{'Loading'}</b><i aria-valuetext={`${cut.toFixed(2)} s`} />{done ? 'All saved' : t('x')}")).toEqual([
      "{'Loading'}",
      '${cut.toFixed(2)} s',
      'All saved',
    ]);
    expect(hardCoded('<div className={`badge badge--${tone}`} style={{ left: `${x}%` }}>{t("ok")}</div>')).toEqual([]);
  });

  it('has every key in both languages, none left empty, none left in English in the Russian catalogue', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    const untranslated = (Object.keys(en) as Array<keyof typeof en>).filter((key) => {
      const text = ru[key].replace(/\{\w+\}/g, '');
      if (SAME_IN_EVERY_LANGUAGE.has(key)) return false;
      return ru[key].trim() === '' || (/\p{L}{4,}/u.test(text) && !/[а-яё]/i.test(text) && ru[key] === en[key] && !/^[A-Z0-9 .,:()·/-]+$/.test(text));
    });
    expect(untranslated).toEqual([]);
  });
});
