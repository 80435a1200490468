/** A page title without the site name or the author the page appends or prepends. */

const SEPARATOR = /\s+(?:\||-{1,2}|–|—|·|::|»|\/)\s+/u;

function normal(text: string): string {
  return text.toLowerCase().replace(/^www\./, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface TitleContext {
  siteName: string | null;
  byline: string | null;
  host: string | null;
  /** Texts of the page's <h1> elements: when one equals part of the title, that part is the headline. */
  headings: string[];
}

function namesPage(part: string, context: TitleContext): boolean {
  const candidate = normal(part);
  if (!candidate) return false;
  const hostLabel = context.host ? normal(context.host.split('.').slice(-2, -1)[0] ?? '') : '';
  const names = [context.siteName, context.byline, context.host].filter((n): n is string => Boolean(n)).map(normal);
  if (hostLabel) names.push(hostLabel);
  return names.some((name) => name === candidate || (name.length > 3 && (name.includes(candidate) || candidate.includes(name))));
}

export function cleanTitle(title: string, context: TitleContext): string {
  let clean = title.replace(/\s+/g, ' ').trim().replace(/\s*\[[^\]]{2,40}\]$/u, '');
  const heading = context.headings.map((h) => h.replace(/\s+/g, ' ').trim()).find((h) => h.length > 2 && clean.startsWith(h) && SEPARATOR.test(clean.slice(h.length, h.length + 5)));
  if (heading) return heading;
  for (;;) {
    const parts = clean.split(SEPARATOR);
    if (parts.length < 2) return clean;
    const last = parts[parts.length - 1]!;
    const first = parts[0]!;
    if (namesPage(last, context)) clean = clean.slice(0, clean.lastIndexOf(last)).replace(new RegExp(`${SEPARATOR.source}$`, 'u'), '').trim();
    else if (namesPage(first, context)) clean = clean.slice(first.length).replace(new RegExp(`^${SEPARATOR.source}`, 'u'), '').trim();
    else return clean;
  }
}
