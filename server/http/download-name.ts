/** Russian letters in Latin (a simple passport-style scheme that reads naturally in a file name). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A name a browser saves a file under on any system: Latin letters, digits and dashes, the
 * extension kept (`Новости дня.mp4` → `novosti-dnya.mp4`); `fallback` when nothing is left.
 */
export function downloadFileName(name: string, fallback: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 && dot >= name.length - 6 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ''];
  const latin = (text: string) =>
    [...text.normalize('NFKC').toLowerCase()]
      .map((ch) => CYRILLIC[ch] ?? ch)
      .join('')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  const base = latin(stem) || fallback;
  const extension = latin(ext);
  return extension ? `${base}.${extension}` : base;
}
