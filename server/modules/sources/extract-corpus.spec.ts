import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';

/*
 * Every page of the shared development corpus (../shared/corpus/articles, when present) and the
 * project's own Russian pages: the text is the story, without page furniture.
 */
const CORPUS = new URL('../../../../shared/corpus/articles/', import.meta.url);
const RUSSIAN = new URL('./__fixtures__/ru/', import.meta.url);

interface Expected {
  title: string;
  lang: string;
  firstParagraph?: string;
  furniture?: string[];
  dateline?: string | null;
  byline?: string | null;
}

function pages(dir: URL): Array<{ name: string; html: string; expected: Expected }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      name: f.replace('.html', ''),
      html: readFileSync(new URL(f, dir), 'utf8'),
      expected: JSON.parse(readFileSync(new URL(f.replace('.html', '.json'), dir), 'utf8')) as Expected,
    }));
}

/** Text that is page furniture on any site: credits, prompts, bylines, timestamps. */
const FURNITURE = [
  /Getty Images/,
  /\bAFP\b/,
  /^Advertisement$/m,
  /^Image$/m,
  /SIGN UP/i,
  /Continue reading the main story/,
  /Comments \(\d+/,
  /Follow (him|her) on Twitter/,
  /appears in print/,
  /\[edit\]/,
  /^\^ /m,
  /Make MSN my homepage/,
  /Provided by/,
  /PM (ET|PST)$/m,
  /^Facebook$/m,
  /Поделиться|Читайте также|Подписывайтесь|Реклама|Теги:/,
];

/** The first story paragraph of each corpus page, as a reader sees it. */
const FIRST_PARAGRAPH: Record<string, string> = {
  breitbart: 'Snopes fact checker and staff writer David Emery posted to Twitter',
  'buzzfeed-1': 'The mother of a woman who took suspected diet pills',
  'citylab-1': 'The once-ubiquitous form of lighting was novel',
  cnet: 'Anyone who has ever been involved in closing a billion-dollar acquisition deal',
  engadget: 'The Xbox One X is the ultimate video game system.',
  'lemonde-1': 'Les députés ont, sans surprise, adopté à une large majorité',
  'lwn-1': 'The Arduino has been one of the biggest success stories',
  'medium-2': 'You either are a “literally” abuser or know of one.',
  msn: 'Nintendo and Apple shocked the world earlier this year',
  'nytimes-2': 'Yahoo’s $4.8 billion sale to Verizon is a complicated beast',
  'nytimes-3': 'New York’s aging below-street infrastructure is tough to maintain',
  'quanta-1': 'A little over half a century ago, chaos started spilling out',
  'salon-1': 'Horror stories about the increasingly unpopular taxi service Uber',
  telegraph: 'Zimbabwe President Robert Mugabe, his wife Grace and two key figures',
  'tmz-1': 'Lupita Nyong\'o\'s now-famous Oscar dress',
  'wapo-2': 'President Obama told the U.N. General Assembly 18 months ago',
  wikipedia: 'Mozilla is a free-software community, created in 1998',
  'yahoo-1': 'Virtual reality has officially reached the consoles.',
};

/** The headline without a site name or author appended after a separator. */
function cleanExpectedTitle(title: string): string {
  return title.replace(/\s+/g, ' ').replace(/\s+(?:-|\|)\s+(?:Breitbart|Wikipedia)$/, '').replace(/\s*\[LWN\.net\]$/, '').trim();
}

describe.each([...pages(CORPUS), ...pages(RUSSIAN)])('extracting $name', ({ name, html, expected }) => {
  const article = extractArticle(html, { url: `https://pages.example/${name}` });
  const paragraphs = article.text.split('\n\n');

  it('starts with the first real paragraph of the story, dateline removed', () => {
    const first = FIRST_PARAGRAPH[name] ?? expected.firstParagraph;
    expect(first, 'each page names its first paragraph').toBeTruthy();
    expect(paragraphs[0]).toContain(first);
    expect(article.lead).toBe(paragraphs[0]);
    if (expected.dateline !== undefined) expect(article.dateline).toBe(expected.dateline);
  });

  it('has no captions, credits, prompts, bylines or timestamps in the text', () => {
    for (const pattern of FURNITURE) expect(article.text, String(pattern)).not.toMatch(pattern);
    for (const text of expected.furniture ?? []) expect(article.text).not.toContain(text);
    if (article.byline) expect(paragraphs.some((p) => p.length < 120 && p.includes(article.byline!))).toBe(false);
    for (const image of article.imageDetails) {
      for (const part of [image.caption, image.credit, image.alt].filter((p): p is string => Boolean(p && p.length > 12))) {
        expect(paragraphs).not.toContain(part);
      }
    }
  });

  it('has a clean title', () => {
    expect(article.title.replace(/\s+/g, ' ')).toBe(cleanExpectedTitle(expected.title));
    expect(article.title).not.toMatch(/\s[|—]\s/);
    if (expected.byline && expected.lang === 'ru') expect(article.byline).toBe(expected.byline);
  });
});

describe('Russian fixtures', () => {
  it('keeps the dateline place, image captions, credits, sizes and positions as metadata', () => {
    const kazan = extractArticle(readFileSync(new URL('ru-dateline-news.html', RUSSIAN), 'utf8'), { url: 'https://volga-pravda.example/news/metro' });
    expect(kazan.dateline).toBe('Казань');
    expect(kazan.lead).toMatch(/^Вторая линия казанского метрополитена/);
    const map = kazan.imageDetails.find((image) => image.url.endsWith('/img/metro-map.png'));
    expect(map).toEqual({ url: 'https://volga-pravda.example/img/metro-map.png', alt: 'Схема второй линии', caption: 'Схема второй линии метро.', credit: 'пресс-служба мэрии', width: null, height: null, position: 3 });
    expect(kazan.text.split('\n\n')[3]).toMatch(/^Поезда на новой линии/);
    expect(kazan.imageDetails[0]).toMatchObject({ url: 'https://volga-pravda.example/img/metro-main.jpg', position: null });
    expect(kazan.images).toContain('https://volga-pravda.example/img/metro-map.png');

    const drones = extractArticle(readFileSync(new URL('ru-feature-related.html', RUSSIAN), 'utf8'), { url: 'https://nauka-sibiri.example/a' });
    expect(drones.imageDetails).toEqual([
      { url: 'https://nauka-sibiri.example/i/drone.jpg', alt: null, caption: 'Беспилотник с тепловизором перед вылетом.', credit: 'Пётр Орлов', width: 960, height: 640, position: 1 },
    ]);
  });
});

describe('pages whose root elements carry furniture-like classes', () => {
  it('parses <html class="ad-free"> and <body class="ad-banner-page"> instead of crashing', () => {
    const story = '<p>The river rose by two metres overnight and flooded the lower town, officials said on Sunday morning.</p>'.repeat(3);
    const article = extractArticle(`<html class="ad-free"><head><title>Flood</title></head><body class="ad-banner-page share"><div class="related ad"><div class="story">${story}</div></div></body></html>`);
    expect(article.text).toContain('The river rose by two metres');
    expect(article.title).toBe('Flood');
  });

  it('parses HTML with no tags at all', () => {
    const article = extractArticle('The river rose by two metres overnight and flooded the lower town. Officials said the water would fall by Tuesday, and schools stay closed until then.');
    expect(article.text).toMatch(/^The river rose by two metres/);
  });
});
