import { AT, FEED_ID, ITEM_ID, JOB_ID, LATER, PROJECT_ID, job, type ApiExamples } from './shared.ts';

const DRAFT_ID = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const RULE_ID = '3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8';
const RUN_ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const NO_QUESTION = "Don't open with a question";

const rules = {
  enabled: true,
  feedIds: [FEED_ID],
  includeKeywords: ['transport', 'трамвай', 'метро'],
  excludeKeywords: ['celebrity'],
  maxItemAgeHours: 24,
  minScore: 60,
  formats: ['news', 'hook-story'],
  minLengthSec: 15,
  maxLengthSec: 45,
  language: 'any',
  toneNotes: 'Calm and factual; no exclamation marks.',
  draftsPerDay: 3,
  monthlyBudget: 20,
};
const learned = {
  minScoreDelta: 5,
  avoidedTopics: ['football'],
  formatVotes: { news: 3, 'hook-story': -1 },
  lengthFactor: 0.85,
  history: [{ at: LATER, change: 'rejected', vars: { title: 'Derby ends in a goalless draw', format: 'news', category: 'boring-topic', topic: 'football', minScoreDelta: 5 } }],
};
const rule = { id: RULE_ID, text: NO_QUESTION, kind: 'no-question-hook', source: 'author', createdAt: AT };
const settings = {
  rules,
  learned,
  profile: [rule],
  effective: { minScore: 65, preferredFormats: ['news'], lengthFactor: 0.85, avoidedTopics: ['football'] },
  usage: { draftsToday: 2, spentThisMonth: 3.48 },
};
const scenes = [
  { id: 's1', role: 'hook', text: 'Forty years later, Eastbrook is getting its trams back.' },
  { id: 's2', role: 'body', text: 'Six kilometres of track will link the station and the harbour from September.' },
  { id: 's3', role: 'cta', text: 'Would you ride it? Tell us below.' },
];
const draft = {
  id: DRAFT_ID,
  title: 'Eastbrook gets its tram line back',
  sourceUrl: 'https://news.example.com/eastbrook-tram',
  feedTitle: 'Eastbrook News',
  score: 72,
  format: 'news',
  language: 'en',
  why: [
    { code: 'keywords', vars: { words: 'transport' } },
    { code: 'score', vars: { score: 72, minScore: 65 } },
    { code: 'fresh', vars: { hours: 3 } },
    { code: 'format-preferred', vars: { format: 'news' } },
  ],
  checks: [
    { name: 'length', ok: true, detail: null },
    { name: 'language', ok: true, detail: null },
    { name: 'lead-facts', ok: true, detail: null },
    { name: 'no-question-hook', ok: true, detail: null },
  ],
  scenes,
  versions: [{ number: 1, kind: 'written', scenes, notes: null, sceneIds: null, at: AT }],
  revisionsLeft: 5,
  status: 'pending',
  rejectCategory: null,
  rejectReason: null,
  projectId: null,
  createdAt: AT,
};
const revisedScenes = [{ ...scenes[0]!, text: 'Eastbrook spends 210 million to bring its trams back.' }, scenes[1]!, scenes[2]!];
const edit = (text: string) => ({ ...settings, profile: [{ ...rule, text }] });

/** The content factory: rules, what it learned, the writing profile, runs and the draft review queue. */
export const factoryExamples: ApiExamples = {
  'GET /api/factory/settings': { response: { status: 200, body: settings } },
  'PUT /api/factory/rules': { request: { body: rules }, response: { status: 200, body: settings } },
  'PATCH /api/factory/learned': {
    request: { body: { avoidedTopics: [], lengthFactor: 1 } },
    response: {
      status: 200,
      body: {
        ...settings,
        learned: { ...learned, avoidedTopics: [], lengthFactor: 1, history: [{ at: LATER, change: 'edited', vars: { fields: 'avoidedTopics, lengthFactor' } }, ...learned.history] },
        effective: { ...settings.effective, lengthFactor: 1, avoidedTopics: [] },
      },
    },
  },
  'POST /api/factory/profile': {
    request: { body: { text: 'Всегда называй сумму в первой фразе' } },
    response: { status: 201, body: { ...settings, profile: [rule, { id: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', text: 'Всегда называй сумму в первой фразе', kind: null, source: 'author', createdAt: LATER }] } },
  },
  'PATCH /api/factory/profile/:ruleId': {
    request: { params: { ruleId: RULE_ID }, body: { text: 'Never open with a question; start with the fact' } },
    response: { status: 200, body: edit('Never open with a question; start with the fact') },
  },
  'DELETE /api/factory/profile/:ruleId': { request: { params: { ruleId: RULE_ID } }, response: { status: 200, body: { ...settings, profile: [] } } },

  'POST /api/factory/run': { response: { status: 202, body: job('factory.run', 'queued', { projectId: null }) } },
  'GET /api/factory/runs': {
    response: {
      status: 200,
      body: [
        {
          id: RUN_ID,
          trigger: 'manual',
          status: 'done',
          summary: { considered: 6, filed: 1, skipped: 5, failed: 0, stoppedBy: null },
          error: null,
          startedAt: AT,
          finishedAt: LATER,
          items: [
            {
              id: 'c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e8f',
              feedItemId: ITEM_ID,
              title: 'Eastbrook gets its tram line back',
              status: 'filed',
              reason: null,
              log: [
                { at: AT, step: 'fetched', vars: { words: 31 } },
                { at: AT, step: 'scored', vars: { score: 72 } },
                { at: AT, step: 'written' },
                { at: AT, step: 'checks-passed' },
                { at: LATER, step: 'filed' },
              ],
              createdAt: AT,
            },
            {
              id: 'e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b',
              feedItemId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
              title: 'Городской совет обсудил ремонт набережной',
              status: 'skipped',
              reason: 'score 41 < 65',
              log: [
                { at: AT, step: 'feed-text', vars: { words: 180 } },
                { at: AT, step: 'scored', vars: { score: 41 } },
                { at: AT, step: 'below-score', vars: { score: 41, minScore: 65 } },
              ],
              createdAt: AT,
            },
          ],
        },
      ],
    },
  },

  'GET /api/factory/drafts': { request: { query: { status: 'pending' } }, response: { status: 200, body: [draft] } },
  'GET /api/factory/drafts/:draftId': { request: { params: { draftId: DRAFT_ID } }, response: { status: 200, body: draft } },
  'POST /api/factory/drafts/:draftId/approve': {
    request: { params: { draftId: DRAFT_ID }, body: { mode: 'video', scenes: [{ id: 's3', text: 'Would you take the tram to work?' }] } },
    response: {
      status: 200,
      body: {
        draft: {
          ...draft,
          scenes: [scenes[0]!, scenes[1]!, { ...scenes[2]!, text: 'Would you take the tram to work?' }],
          versions: [...draft.versions, { number: 2, kind: 'edit', scenes: [scenes[0]!, scenes[1]!, { ...scenes[2]!, text: 'Would you take the tram to work?' }], notes: null, sceneIds: ['s3'], at: LATER }],
          status: 'approved',
          projectId: PROJECT_ID,
        },
        projectId: PROJECT_ID,
        jobId: JOB_ID,
      },
    },
  },
  'POST /api/factory/drafts/:draftId/revise': {
    request: { params: { draftId: DRAFT_ID }, body: { notes: 'Put the money in the hook. Never open with a question.', sceneIds: ['s1'] } },
    response: {
      status: 200,
      body: {
        ...draft,
        scenes: revisedScenes,
        versions: [...draft.versions, { number: 2, kind: 'revision', scenes: revisedScenes, notes: 'Put the money in the hook. Never open with a question.', sceneIds: ['s1'], at: LATER }],
        revisionsLeft: 4,
      },
    },
  },
  'POST /api/factory/drafts/:draftId/reject': {
    request: { params: { draftId: DRAFT_ID }, body: { category: 'too-long', reason: 'Half a minute is too much for a two-fact story' } },
    response: { status: 200, body: { ...draft, status: 'rejected', rejectCategory: 'too-long', rejectReason: 'Half a minute is too much for a two-fact story' } },
  },
};
