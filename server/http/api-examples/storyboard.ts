import { ASSET_ID, PROJECT_ID, asset, type ApiExamples } from './shared.ts';

const CAPTIONS = {
  font: 'Montserrat',
  sizePx: 140,
  colour: '#ffffff',
  highlightColour: '#facc15',
  outlineColour: '#000000',
  outline: 6,
  position: 'bottom',
  wordsPerLine: 3,
  uppercase: false,
  look: 'outline',
};
const photo = asset('image', 'image/jpeg', 'harbour.jpg', 482113, { width: 1600, height: 1067 });
const scene = (index: number, sceneId: string, text: string, startSec: number, durationSec: number) => ({
  sceneId,
  index,
  text,
  startSec,
  durationSec,
  visual: null,
  automaticCard: { design: 'gradient', palette: 'midnight' },
  asset: null,
  motion: 'zoom-in',
  transition: 'crossfade',
  keywords: ['trams', 'Eastbrook'],
});
const storyboard = {
  version: 3,
  stale: false,
  aspect: '9:16',
  timingSource: 'narration',
  language: 'en',
  durationSec: 11.6,
  scenes: [
    scene(0, 's1', 'Forty years later, Eastbrook is getting its trams back.', 0, 3.9),
    {
      ...scene(1, 's2', 'Six kilometres of track will link the station and the harbour from September.', 3.9, 4.6),
      visual: { kind: 'image', assetId: ASSET_ID },
      automaticCard: null,
      asset: { id: photo.id, kind: photo.kind, mime: photo.mime, url: photo.url, meta: photo.meta, originalName: photo.originalName },
    },
    scene(2, 's3', 'Would you ride it? Tell us below.', 8.5, 3.1),
  ],
  music: null,
  musicMood: { choice: 'auto', mood: 'upbeat', volume: 0.25, duck: true },
  captionStyle: CAPTIONS,
  articleImages: [{ url: 'https://news.example.com/images/tram.jpg', assetId: null }],
  stockFilled: false,
  capabilities: { crossfade: true, stock: { provider: 'pexels', configured: true } },
  options: {
    designs: ['gradient', 'stripes', 'grid', 'blocks', 'waves', 'spotlight'],
    palettes: [{ id: 'midnight', from: '#0f172a', to: '#312e81', accent: '#facc15', text: '#ffffff' }],
    fonts: ['Montserrat', 'Inter', 'Oswald', 'Playfair Display'],
    motions: ['none', 'zoom-in', 'zoom-out', 'pan-left', 'pan-right'],
    transitions: ['cut', 'crossfade', 'fade', 'slide'],
  },
};

/** The storyboard: scenes, pictures, stock photos, music and captions. */
export const storyboardExamples: ApiExamples = {
  'GET /api/projects/:id/storyboard': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: storyboard } },
  'POST /api/projects/:id/storyboard/article-pictures': {
    request: { params: { id: PROJECT_ID } },
    response: { status: 200, body: { imported: 2, usable: 1, skipped: ['https://news.example.com/images/author.jpg: an author photo'] } },
  },
  'PATCH /api/projects/:id/storyboard/scenes/:sceneId': {
    request: { params: { id: PROJECT_ID, sceneId: 's2' }, body: { visual: { kind: 'image', assetId: ASSET_ID }, motion: 'pan-left', transition: 'cut' } },
    response: { status: 200, body: storyboard },
  },
  'GET /api/projects/:id/storyboard/stock': {
    request: { params: { id: PROJECT_ID }, query: { query: 'tram', media: 'photo', orientation: 'portrait', page: '1', perPage: '15' } },
    response: {
      status: 200,
      body: {
        provider: 'pexels',
        query: 'tram',
        media: 'photo',
        orientation: 'portrait',
        page: 1,
        totalResults: 1,
        hasMore: false,
        items: [
          {
            provider: 'pexels',
            id: '2104152',
            media: 'photo',
            width: 3024,
            height: 4032,
            thumbnailUrl: 'https://images.pexels.com/photos/2104152/pexels-photo-2104152.jpeg?h=350',
            author: 'Jan Novak',
            authorUrl: 'https://www.pexels.com/@jan-novak',
            sourceUrl: 'https://www.pexels.com/photo/2104152/',
            durationSec: null,
            alt: 'A red tram in the rain',
          },
        ],
      },
    },
  },
  'POST /api/projects/:id/storyboard/stock-fill': {
    request: { params: { id: PROJECT_ID } },
    response: { status: 200, body: { configured: true, filled: ['s1'], skipped: ['s3: no Pexels photo for "ride tell below"'] } },
  },
  'POST /api/projects/:id/storyboard/scenes/:sceneId/stock': {
    request: { params: { id: PROJECT_ID, sceneId: 's1' }, body: { provider: 'pexels', media: 'photo', id: '2104152' } },
    response: { status: 200, body: storyboard },
  },
  'POST /api/projects/:id/storyboard/scenes/:sceneId/article-image': {
    request: { params: { id: PROJECT_ID, sceneId: 's2' }, body: { url: 'https://news.example.com/images/tram.jpg' } },
    response: { status: 200, body: storyboard },
  },
  'PATCH /api/projects/:id/storyboard/settings': {
    request: { params: { id: PROJECT_ID }, body: { music: { mood: 'calm', volume: 0.2, duck: true }, captionStyle: { colour: '#fde047', position: 'middle' } } },
    response: { status: 200, body: { ...storyboard, musicMood: { choice: 'calm', mood: 'calm', volume: 0.2, duck: true }, captionStyle: { ...CAPTIONS, colour: '#fde047', position: 'middle' } } },
  },
  'GET /api/projects/:id/storyboard/preview': {
    request: { params: { id: PROJECT_ID }, query: { sceneId: 's2', width: '360' } },
    response: { status: 200, contentType: 'image/png', text: '(the frame in the middle of scene s2, 360 px wide)' },
  },
  'GET /api/storyboard/card-preview': {
    request: { query: { design: 'waves', palette: 'sunset', text: 'Trams are back', aspect: '9:16', width: '180' } },
    response: { status: 200, contentType: 'image/png', text: '(a 180x320 card)' },
  },
};
