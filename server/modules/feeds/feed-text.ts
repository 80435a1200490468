import { parseHTML } from 'linkedom';

/** Text of an XML node as fast-xml-parser returns it: a string, or an object with "#text" and children. */
export function nodeText(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join(' ');
  if (typeof node === 'object') {
    return Object.entries(node as Record<string, unknown>)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, value]) => nodeText(value))
      .join(' ');
  }
  return '';
}

export interface HtmlSnippet {
  text: string;
  firstImage: string | null;
}

/**
 * Feed descriptions are HTML, sometimes escaped twice ("&amp;nbsp;"): after the XML layer decodes
 * one level, the HTML parser decodes the rest and drops the tags.
 */
export function readHtmlSnippet(html: string): HtmlSnippet {
  if (!/[<&]/.test(html)) return { text: html.replace(/\s+/g, ' ').trim(), firstImage: null };
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of Array.from(document.querySelectorAll('script, style'))) element.remove();
  for (const element of Array.from(document.querySelectorAll('p, br, div, li, h1, h2, h3, h4, figure'))) element.after(' ');
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const firstImage = document.querySelector('img[src]')?.getAttribute('src') ?? null;
  return { text, firstImage };
}

export function plainText(value: unknown): string {
  return readHtmlSnippet(nodeText(value)).text;
}
