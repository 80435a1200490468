import { ASSET_ID, AT, LATER, PROJECT_ID, asset, job, step, type ApiExamples } from './shared.ts';

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
  capabilities: { crossfade: true, stock: { provider: 'pexels', configured: true } },
  options: {
    designs: ['gradient', 'stripes', 'grid', 'blocks', 'waves', 'spotlight'],
    palettes: [{ id: 'midnight', from: '#0f172a', to: '#312e81', accent: '#facc15', text: '#ffffff' }],
    fonts: ['Montserrat', 'Inter', 'Oswald', 'Playfair Display'],
    motions: ['none', 'zoom-in', 'zoom-out', 'pan-left', 'pan-right'],
    transitions: ['cut', 'crossfade', 'fade', 'slide'],
  },
};
const video = asset('render', 'video/mp4', 'eastbrook-tram.mp4', 3811204, { durationSec: 11.6, width: 1080, height: 1920 });
const publish = { title: 'Eastbrook gets its trams back', description: 'Six kilometres of track link the station and the harbour from September.', hashtags: ['#Eastbrook', '#trams'] };
const timings = {
  source: 'narration',
  audioAssetId: ASSET_ID,
  language: 'en',
  durationSec: 11.6,
  segments: [{ sceneId: 's1', start: 0, end: 3.9, words: [{ word: 'Forty', start: 0.05, end: 0.41 }] }],
};
const avatarState = {
  provider: { id: 'heygen', label: 'HeyGen avatars', configured: true },
  narration: { assetId: ASSET_ID, durationSec: 11.6 },
  scriptText: 'Forty years later, Eastbrook is getting its trams back.',
  status: 'ready',
  skipped: false,
  avatarId: 'Daisy-inskirt-20220818',
  source: 'narration',
  voiceId: null,
  placement: 'corner',
  error: null,
  errorCode: null,
  clip: asset('avatar', 'video/mp4', null, 2204311, { durationSec: 11.6 }),
  job: job('avatar.clip', 'succeeded'),
};

/** Voice, storyboard, avatar, render and the make-video fast path. */
export const mediaExamples: ApiExamples = {
  'GET /api/voices': {
    request: { query: { language: 'en' } },
    response: {
      status: 200,
      body: {
        providers: [{ id: 'espeak', label: 'espeak-ng (built in)', available: true, source: 'embedded', error: null, givesAlignment: true }],
        voices: [{ id: 'en-us+f3', name: 'English (US), female', language: 'en', gender: 'female', provider: 'espeak' }],
      },
    },
  },
  'POST /api/voices/preview': {
    request: { body: { provider: 'espeak', voiceId: 'en-us+f3', speed: 1.1, language: 'en', text: 'Forty years later, Eastbrook is getting its trams back.' } },
    response: { status: 200, contentType: 'audio/mpeg', text: '(a few seconds of speech, MP3)' },
  },
  'POST /api/projects/:id/voice/narration': { request: { params: { id: PROJECT_ID }, body: { sceneIds: ['s2'] } }, response: { status: 202, body: job('voice.narrate') } },
  'POST /api/projects/:id/voice/own-audio': {
    request: { params: { id: PROJECT_ID }, query: { sceneId: 's1', recorded: 'true' }, headers: { 'Content-Type': 'multipart/form-data (one part "file": take-1.webm)' } },
    response: { status: 201, body: step(4, { source: 'own', own: { scenes: { s1: { assetId: ASSET_ID, durationSec: 3.9 } } } }, 2) },
  },
  'PUT /api/projects/:id/voice/boundaries': {
    request: { params: { id: PROJECT_ID }, body: { boundaries: [{ sceneId: 's1', start: 0, end: 4.1 }, { sceneId: 's2', start: 4.1, end: 8.5 }, { sceneId: 's3', start: 8.5, end: 11.6 }] } },
    response: { status: 200, body: step(4, { source: 'own' }, 3) },
  },
  'GET /api/projects/:id/voice/timings': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: timings } },

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

  'GET /api/avatar/catalog': {
    response: {
      status: 200,
      body: {
        provider: 'heygen',
        avatars: [{ id: 'Daisy-inskirt-20220818', name: 'Daisy', gender: 'female', previewImageUrl: null, previewVideoUrl: null, defaultVoiceId: null }],
        voices: [{ id: '2d5b0e6cf36f460aa7fc47e3eee4ba54', name: 'Rachel', language: 'English', gender: 'female', previewAudioUrl: null }],
      },
    },
  },
  'GET /api/projects/:id/avatar': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: avatarState } },
  'PATCH /api/projects/:id/avatar': { request: { params: { id: PROJECT_ID }, body: { placement: 'full' } }, response: { status: 200, body: { ...avatarState, placement: 'full' } } },
  'POST /api/projects/:id/avatar/clip': {
    request: { params: { id: PROJECT_ID }, body: { avatarId: 'Daisy-inskirt-20220818', source: 'narration', placement: 'corner' } },
    response: { status: 202, body: job('avatar.clip') },
  },
  'POST /api/projects/:id/avatar/follow': { request: { params: { id: PROJECT_ID } }, response: { status: 202, body: job('avatar.clip', 'running', { progress: 0.5 }) } },

  'POST /api/projects/:id/render': { request: { params: { id: PROJECT_ID }, body: { aspect: '9:16', quality: 'standard' } }, response: { status: 202, body: job('render.video') } },
  'GET /api/projects/:id/render': {
    request: { params: { id: PROJECT_ID } },
    response: {
      status: 200,
      body: {
        settings: { aspect: '9:16', quality: 'standard' },
        job: job('render.video', 'succeeded'),
        outputs: { video, srt: null, vtt: null, thumbnail: null, script: null, durationSec: 11.6, aspect: '9:16', renderedAt: LATER },
        publish,
        timing: 'narration',
        problems: [],
        credits: { sourceUrl: 'https://news.example.com/eastbrook-trams', lines: ['Photo: Eastbrook Gazette'] },
      },
    },
  },
  'POST /api/projects/:id/publish/draft': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: publish } },
  'PUT /api/projects/:id/publish': { request: { params: { id: PROJECT_ID }, body: publish }, response: { status: 200, body: publish } },
  'POST /api/projects/:id/make': {
    request: { params: { id: PROJECT_ID }, body: { aspect: '9:16', quality: 'standard' } },
    response: { status: 202, body: job('video.make', 'queued', { createdAt: AT }) },
  },
};
