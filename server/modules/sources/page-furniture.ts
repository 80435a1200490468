/*
 * Page furniture removed from the DOM before Readability runs: ads, navigation, share bars,
 * related-links and newsletter boxes, comments, bylines. Captions and credits are copied onto the
 * image they describe (data-rf-caption / data-rf-credit) so the article's image list keeps them. The document root, head, body and the article's own
 * ancestors are never removed: a page whose <html> or <body> carries such a class
 * (`<html class="ad-free">`) must still parse.
 */

const CLUTTER = 'nav, footer, aside, form, iframe, [role="navigation"], [role="complementary"], [aria-hidden="true"]';
const AD = /(^|[\s_-])(ad|ads|adv|advert|advertisement|adsbygoogle|banner|promo|sponsored|reklama|rek)([\s_-]|$)/i;
const FURNITURE =
  /(^|[\s_-])(share|sharing|social|related|recommended|newsletter|subscribe|subscription|signup|comments?|disqus|tags|breadcrumbs?|byline|author-bio|bio|dateline|timestamp|read-more|readmore|more-stories|most-read|popular|trending|outbrain|taboola|sharebar|toolbar|print-only|skip-link|paywall|donate|podcast-promo)([\s_-]|$)/i;
const CAPTION = /caption|(^|[\s_-])(credit|credits|image-credit|photo-credit|copyright)([\s_-]|$)/i;
const ARTICLE_ROOTS = 'article, [itemprop="articleBody"], [role="main"], main';

function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

/** Elements never to remove: the root, head, body and every ancestor of the article's main container. */
function protectedElements(document: Document): Set<Element> {
  const kept = new Set<Element>();
  for (const element of [document.documentElement, document.head, document.body]) if (element) kept.add(element);
  const roots = Array.from(document.querySelectorAll(ARTICLE_ROOTS));
  const body = mainTextContainer(document);
  if (body) roots.push(body);
  for (const root of roots) {
    for (let node: Element | null = root; node; node = node.parentElement) kept.add(node);
  }
  return kept;
}

/** The element whose own paragraphs hold the most text: the article body on almost every page. */
function mainTextContainer(document: Document): Element | null {
  const lengths = new Map<Element, number>();
  for (const paragraph of Array.from(document.querySelectorAll('p'))) {
    const parent = paragraph.parentElement;
    if (parent) lengths.set(parent, (lengths.get(parent) ?? 0) + (paragraph.textContent ?? '').length);
  }
  let best: Element | null = null;
  for (const [element, length] of lengths) if (!best || length > (lengths.get(best) ?? 0)) best = element;
  return best;
}

function nearestImage(element: Element): Element | null {
  const figure = element.closest('figure');
  const inFigure = figure?.querySelector('img');
  if (inFigure) return inFigure;
  for (let parent = element.parentElement, depth = 0; parent && depth < 3; parent = parent.parentElement, depth++) {
    const image = parent.querySelector('img');
    if (image) return image;
  }
  return null;
}

/** Copies a caption or credit element's text onto its image, so removing it keeps the metadata. */
function keepOnImage(element: Element): void {
  const image = nearestImage(element);
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!image || !text) return;
  const attribute = /credit|copyright/i.test(classAndId(element)) ? 'data-rf-credit' : 'data-rf-caption';
  if (!image.getAttribute(attribute)) image.setAttribute(attribute, text);
}

const BYLINE = '[rel="author"], [itemprop="author"], [class*="byline"], [class*="author-name"]';

/** The page's visible byline, read before bylines are removed with the rest of the furniture. */
function visibleByline(document: Document): string | null {
  for (const element of Array.from(document.querySelectorAll(BYLINE))) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 2 && text.length < 100 && !/about the author|^(?:share|follow)/i.test(text)) return text;
  }
  return null;
}

/**
 * Removes furniture in place. Returns the visible byline it removed, and the texts of captions and
 * credits: those stay in the DOM (removing them changes how Readability scores an image block and
 * can cost the story a paragraph) and are dropped from the text afterwards.
 */
export function removeFurniture(document: Document): { byline: string | null; captions: Set<string> } {
  const byline = visibleByline(document);
  const captions = new Set<string>();
  const noteCaption = (element: Element) => {
    keepOnImage(element);
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) captions.add(text);
  };
  const kept = protectedElements(document);
  const remove = (element: Element) => {
    if (!kept.has(element) && element.isConnected !== false) element.remove();
  };
  for (const caption of Array.from(document.querySelectorAll('figcaption'))) noteCaption(caption);
  for (const element of Array.from(document.querySelectorAll(CLUTTER))) remove(element);
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (kept.has(element)) continue;
    const names = classAndId(element);
    if (CAPTION.test(names) && !/no[_-]caption/i.test(names) && !element.querySelector('h1, h2, h3, h4, h5, h6, p + p, img')) {
      noteCaption(element);
    } else if (AD.test(names) || FURNITURE.test(names)) {
      remove(element);
    }
  }
  return { byline, captions };
}
