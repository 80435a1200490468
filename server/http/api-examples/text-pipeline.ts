import { ASSET_ID, AT, FEED_ID, ITEM_ID, LATER, PROJECT_ID, job, noContent, project, step, type ApiExamples } from './shared.ts';

const TEXT =
  'Eastbrook will run trams again from September, forty years after the last line closed. The council approved 210 million for six kilometres of track between the station and the harbour.';
const article = {
  title: 'Eastbrook gets its tram line back',
  byline: 'Mira Holt',
  text: TEXT,
  lead: 'Eastbrook will run trams again from September, forty years after the last line closed.',
  leadImage: 'https://news.example.com/images/tram.jpg',
  images: ['https://news.example.com/images/tram.jpg'],
  imageDetails: [{ url: 'https://news.example.com/images/tram.jpg', alt: 'A tram at the harbour stop', caption: null, credit: 'City archive', width: 1600, height: 900, position: 1 }],
  dateline: 'EASTBROOK',
  language: 'en',
  publishedAt: AT,
  siteName: 'Eastbrook News',
  url: 'https://news.example.com/eastbrook-tram',
  wordCount: 31,
};
const analysis = {
  score: 72,
  breakdown: { hook: 70, news: 85, emotion: 55, clarity: 80, audience: 68 },
  verdict: 'A clear local story with a number and a date: strong for a short news update.',
  keyFacts: ['Trams return in September', 'The last line closed forty years ago', '210 million for six kilometres of track'],
  recommendedFormat: 'news',
  speakingTimeSec: 12.4,
  wordCount: 31,
  language: 'en',
  analyser: 'offline',
};
const feed = {
  id: FEED_ID,
  url: 'https://news.example.com/feed.xml',
  title: 'Eastbrook News',
  siteUrl: 'https://news.example.com/',
  lastFetchedAt: LATER,
  lastStatus: 'ok',
  lastError: null,
  itemCount: 24,
  createdAt: AT,
};
const newsItem = {
  id: ITEM_ID,
  feedId: FEED_ID,
  feedTitle: 'Eastbrook News',
  url: 'https://news.example.com/eastbrook-tram',
  title: 'Eastbrook gets its tram line back',
  summary: 'Trams return in September after forty years.',
  imageUrl: 'https://news.example.com/images/tram.jpg',
  publishedAt: AT,
  score: 72,
  band: 'high',
  language: 'en',
  favourite: false,
  dismissed: false,
  hasFullText: true,
  createdAt: AT,
};
const finalScript = {
  scenes: [
    { id: 's1', role: 'hook', text: 'Forty years later, Eastbrook is getting its trams back.' },
    { id: 's2', role: 'body', text: 'Six kilometres of track will link the station and the harbour from September.' },
    { id: 's3', role: 'cta', text: 'Would you ride it? Tell us below.' },
  ],
};

/** Sources (articles, files, video and audio), analysis, feeds and news, and the script. */
export const textPipelineExamples: ApiExamples = {
  'POST /api/sources/import': { request: { body: { url: 'https://news.example.com/eastbrook-tram' } }, response: { status: 200, body: article } },
  'POST /api/sources/import/file': {
    request: { headers: { 'Content-Type': 'multipart/form-data (one part "file": tram.html)' } },
    response: { status: 200, body: { ...article, url: null } },
  },
  'POST /api/projects/:id/source': {
    request: { params: { id: PROJECT_ID }, body: { sourceType: 'url', url: 'https://news.example.com/eastbrook-tram', format: 'news', language: 'en', targetDurationSec: 45 } },
    response: { status: 200, body: { project: { ...project, currentStage: 2, maxStage: 2 }, steps: [step(1, { sourceType: 'url', format: 'news' }), step(2, { title: article.title, text: TEXT })] } },
  },
  'GET /api/media-sources/transcriber': { response: { status: 200, body: { available: true, provider: 'whisper-cpp', reason: null } } },
  'POST /api/projects/:id/media-source/url': {
    request: { params: { id: PROJECT_ID }, body: { url: 'https://www.tiktok.com/@eastbrooknews/video/7381946203518715142' } },
    response: { status: 202, body: job('media.import') },
  },
  'POST /api/projects/:id/media-source/transcribe': { request: { params: { id: PROJECT_ID }, body: { assetId: ASSET_ID } }, response: { status: 202, body: job('media.import') } },
  'POST /api/analysis': { request: { body: { text: TEXT, title: article.title, language: 'en' } }, response: { status: 200, body: analysis } },
  'POST /api/projects/:id/analysis': {
    request: { params: { id: PROJECT_ID }, body: { text: TEXT, title: article.title, baseVersion: 2 } },
    response: { status: 200, body: { step: step(2, { title: article.title, text: TEXT, analysis }, 3) } },
  },

  'GET /api/feeds': { response: { status: 200, body: [feed] } },
  'POST /api/feeds': { request: { body: { url: 'https://news.example.com/feed.xml' } }, response: { status: 201, body: feed } },
  'DELETE /api/feeds/:feedId': { request: { params: { feedId: FEED_ID } }, response: noContent },
  'POST /api/feeds/:feedId/refresh': { request: { params: { feedId: FEED_ID } }, response: { status: 202, body: job('feeds.fetch', 'queued', { projectId: null }) } },
  'POST /api/feeds/refresh': { response: { status: 202, body: [job('feeds.fetch', 'queued', { projectId: null })] } },
  'GET /api/news': { request: { query: { band: 'high', freshness: '24h', limit: '20' } }, response: { status: 200, body: { items: [newsItem], total: 1 } } },
  'PATCH /api/news/:itemId': { request: { params: { itemId: ITEM_ID }, body: { favourite: true } }, response: { status: 200, body: { ...newsItem, favourite: true } } },
  'GET /api/news/:itemId/article': {
    request: { params: { itemId: ITEM_ID } },
    response: {
      status: 200,
      body: {
        itemId: ITEM_ID,
        title: article.title,
        text: TEXT,
        url: article.url,
        images: article.images,
        byline: article.byline,
        publishedAt: AT,
        siteName: article.siteName,
        language: 'en',
        wordCount: 31,
        origin: 'article',
        fetchError: null,
      },
    },
  },
  'POST /api/news/:itemId/project': {
    request: { params: { itemId: ITEM_ID }, body: { format: 'news', language: 'en', targetDurationSec: 45 } },
    response: { status: 201, body: { ...project, currentStage: 2, maxStage: 2 } },
  },

  'POST /api/projects/:id/script/generate': {
    request: { params: { id: PROJECT_ID }, body: { sceneId: 's2' } },
    response: { status: 202, body: job('script.generate') },
  },
  'PUT /api/projects/:id/script/final': {
    request: { params: { id: PROJECT_ID }, body: { choices: { s1: { variantId: 's1-v2' }, s2: { variantId: 's2-v1' }, s3: { text: 'Would you ride it? Tell us below.' } }, complete: true, baseVersion: 4 } },
    response: { status: 200, body: { ...step(3, { finalScript }, 5), completedAt: LATER } },
  },
  'GET /api/projects/:id/script/versions': {
    request: { params: { id: PROJECT_ID } },
    response: { status: 200, body: [{ version: 5, number: 1, createdAt: LATER, totalWords: 29, duration: 11.6, sceneCount: 3, preview: 'Forty years later, Eastbrook is getting its trams back.', finalScript }] },
  },
  'POST /api/projects/:id/script/versions/:version/revert': {
    request: { params: { id: PROJECT_ID, version: '5' } },
    response: { status: 200, body: step(3, { finalScript }, 6) },
  },
};
