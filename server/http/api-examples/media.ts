import { ASSET_ID, AT, LATER, PROJECT_ID, asset, job, step, type ApiExamples } from './shared.ts';

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

/** Voice, avatar, render and the make-video fast path. */
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
