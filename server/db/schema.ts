import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, json, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name'),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale'),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a leaked table does not hand out sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, shown so users can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts per key ('email:<address>' or 'ip:<address>') in a fixed window. A row is
 * counted up by one upsert per attempt, so concurrent attempts queue on its lock and none is missed.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    currentStage: integer('current_stage').notNull().default(1),
    /** The furthest stage ever reached: the author may go back and forth up to it. */
    maxStage: integer('max_stage').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** The Idempotency-Key the project was created with: a repeated create returns this project. */
    createKey: text('create_key'),
  },
  (t) => [index('projects_owner_idx').on(t.ownerId, t.updatedAt), uniqueIndex('projects_owner_create_key_uq').on(t.ownerId, t.createKey)],
);

export const projectSteps = pgTable(
  'project_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    stepNumber: integer('step_number').notNull(),
    // json (not jsonb) keeps the document exactly as sent, key order included.
    data: json('data').notNull().default(sql`'{}'::json`),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    skipReason: text('skip_reason'),
    version: integer('version').notNull().default(1),
    /** {stepNumber: version} of the steps this one was built from; see stale in steps.service. */
    derivedFrom: json('derived_from').notNull().default(sql`'{}'::json`),
    /** Goes up only when `data` really changes (compared as JSON), unlike `version`, which every write moves. */
    contentVersion: integer('content_version').notNull().default(1),
    /** {stepNumber: contentVersion} of the sources when this step was built (-1: built from an older one). */
    derivedContent: json('derived_content').notNull().default(sql`'{}'::json`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('project_steps_project_step_uq').on(t.projectId, t.stepNumber)],
);

/**
 * What users see of a job (state, progress, result). pg-boss keeps the delivery queue in its own
 * schema; this row is the authority for state, cancellation and deduplication.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    state: text('state').notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    step: text('step'),
    payload: json('payload').notNull(),
    result: json('result'),
    error: text('error'),
    /** Why the job failed as a stable code (contracts/job-failures.ts), and the values it names. */
    errorCode: text('error_code'),
    errorParams: json('error_params'),
    attempts: integer('attempts').notNull().default(0),
    dedupeKey: text('dedupe_key'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_active_dedupe_uq').on(t.dedupeKey).where(sql`state in ('queued', 'running')`),
    index('jobs_project_idx').on(t.projectId, t.createdAt),
    index('jobs_running_idx').on(t.state, t.heartbeatAt),
  ],
);

/** Files in the media store (audio, images, clips, renders); the bytes live under storage_key. */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull().unique(),
    originalName: text('original_name'),
    meta: json('meta').notNull().default(sql`'{}'::json`),
    createdAt: createdAt(),
  },
  (t) => [index('assets_project_idx').on(t.projectId, t.kind)],
);

export const feeds = pgTable(
  'feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title'),
    siteUrl: text('site_url'),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
    lastStatus: text('last_status'),
    lastError: text('last_error'),
    itemCount: integer('item_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('feeds_owner_url_uq').on(t.ownerId, t.url)],
);

export const feedItems = pgTable(
  'feed_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedId: uuid('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** guid, else URL: one row per story per feed however often the feed is fetched. */
    dedupeKey: text('dedupe_key').notNull(),
    url: text('url'),
    title: text('title').notNull(),
    summary: text('summary'),
    imageUrl: text('image_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    score: integer('score'),
    language: text('language'),
    favourite: boolean('favourite').notNull().default(false),
    dismissed: boolean('dismissed').notNull().default(false),
    fullText: text('full_text'),
    fullTextFetchedAt: timestamp('full_text_fetched_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('feed_items_feed_key_uq').on(t.feedId, t.dedupeKey),
    index('feed_items_owner_idx').on(t.ownerId, t.publishedAt),
  ],
);

/** Per-user provider keys, encrypted at rest (AES-256-GCM keyed from SESSION_SECRET); never returned. */
export const providerCredentials = pgTable(
  'provider_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    encryptedKey: text('encrypted_key'),
    settings: json('settings').notNull().default(sql`'{}'::json`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('provider_credentials_owner_provider_uq').on(t.ownerId, t.provider)],
);

/** Every final script saved in stage 3, for history and revert. */
export const scriptVersions = pgTable(
  'script_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    finalScript: json('final_script').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('script_versions_project_version_uq').on(t.projectId, t.version)],
);

/** Scripts kept for reuse; one row per entry, its texts in library_script_versions. */
export const libraryScripts = pgTable(
  'library_scripts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The project whose stage-3 script this entry keeps: saving from it again adds a version. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    tags: json('tags').notNull().default(sql`'[]'::json`),
    /** Raised by the statement that inserts a version, so concurrent saves queue on this row. */
    latestVersion: integer('latest_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('library_scripts_owner_idx').on(t.ownerId, t.updatedAt), uniqueIndex('library_scripts_owner_project_uq').on(t.ownerId, t.projectId)],
);

export const libraryScriptVersions = pgTable(
  'library_script_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => libraryScripts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    script: json('script').notNull(),
    /** The scenes' texts in one string, for search. */
    text: text('text').notNull(),
    source: json('source').notNull().default(sql`'{}'::json`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('library_script_versions_entry_version_uq').on(t.entryId, t.version)],
);

/** One "make a project from each" action over news items or library scripts. */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Also make the video of each project with the fast path. */
    makeVideo: boolean('make_video').notNull().default(false),
    options: json('options').notNull().default(sql`'{}'::json`),
    jobId: uuid('job_id'),
    createdAt: createdAt(),
  },
  (t) => [index('batches_owner_idx').on(t.ownerId, t.createdAt)],
);

export const batchItems = pgTable(
  'batch_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** 'news' (ref: a news item id) or 'library' (ref: a library entry id, refVersion: its version). */
    kind: text('kind').notNull(),
    ref: uuid('ref').notNull(),
    refVersion: integer('ref_version'),
    label: text('label').notNull(),
    /** pending, created or failed; the video's progress is its make job's. */
    state: text('state').notNull().default('pending'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    makeJobId: uuid('make_job_id'),
    error: text('error'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('batch_items_batch_position_uq').on(t.batchId, t.position)],
);

/** Stage 8: where a rendered video was published; metric readings hang off it. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    url: text('url').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** The platform's id of the video (YouTube video id, Instagram media id), once known. */
    externalId: text('external_id'),
    refreshStatus: text('refresh_status').notNull().default('none'),
    refreshError: text('refresh_error'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    /** The scheduled refresh leaves this publication alone until then (backoff after failures). */
    refreshAfter: timestamp('refresh_after', { withTimezone: true }),
    refreshFailures: integer('refresh_failures').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('publications_project_url_uq').on(t.projectId, t.platform, t.url), index('publications_owner_idx').on(t.ownerId)],
);

/** One reading of a publication's numbers; a series over time. */
export const metricReadings = pgTable(
  'metric_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
    source: text('source').notNull(),
    /** MetricValues (contracts/performance.ts). */
    values: json('values').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('metric_readings_publication_time_uq').on(t.publicationId, t.source, t.readAt)],
);

/** What the render knew about a video (analysis score and parts, format, length, hook, voice, music). */
export const videoPredictions = pgTable('video_predictions', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Prediction (contracts/performance.ts) without renderedAt. */
  data: json('data').notNull(),
  renderedAt: timestamp('rendered_at', { withTimezone: true }).notNull(),
});

/**
 * The content factory's per-user rules, what it learned from the author, and its usage counters.
 * The counters live on this row so one conditional UPDATE reserves a draft (and its estimated
 * spend) atomically: concurrent runs never overshoot the daily limit or the monthly budget.
 */
export const factorySettings = pgTable('factory_settings', {
  ownerId: uuid('owner_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  rules: json('rules').notNull(),
  learned: json('learned').notNull().default(sql`'{}'::json`),
  profile: json('profile').notNull().default(sql`'[]'::json`),
  usageDay: text('usage_day').notNull().default(''),
  draftsToday: integer('drafts_today').notNull().default(0),
  usageMonth: text('usage_month').notNull().default(''),
  /** Estimated provider spend this month, in micro-dollars (integer arithmetic). */
  spentMicros: bigint('spent_micros', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
});

export const factoryRuns = pgTable(
  'factory_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull(),
    status: text('status').notNull().default('running'),
    summary: json('summary').notNull().default(sql`'{}'::json`),
    error: text('error'),
    startedAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('factory_runs_owner_idx').on(t.ownerId, t.startedAt)],
);

/** One row per feed story the factory took up: the unique key is what makes "never twice" hold. */
export const factoryItems = pgTable(
  'factory_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    feedItemId: uuid('feed_item_id')
      .notNull()
      .references(() => feedItems.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => factoryRuns.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: text('status').notNull().default('working'),
    reason: text('reason'),
    log: json('log').notNull().default(sql`'[]'::json`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('factory_items_owner_item_uq').on(t.ownerId, t.feedItemId), index('factory_items_run_idx').on(t.runId)],
);

export const factoryDrafts = pgTable(
  'factory_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .unique()
      .references(() => factoryItems.id, { onDelete: 'cascade' }),
    feedItemId: uuid('feed_item_id').references(() => feedItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    sourceText: text('source_text').notNull(),
    feedTitle: text('feed_title'),
    imageUrl: text('image_url'),
    score: integer('score').notNull(),
    analysis: json('analysis').notNull(),
    format: text('format').notNull(),
    language: text('language').notNull(),
    why: json('why').notNull(),
    checks: json('checks').notNull(),
    script: json('script').notNull(),
    /** Every version of the scene texts: the first as written, then each revision or edit. */
    versions: json('versions').notNull(),
    status: text('status').notNull().default('pending'),
    rejectCategory: text('reject_category'),
    rejectReason: text('reject_reason'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('factory_drafts_owner_idx').on(t.ownerId, t.status, t.createdAt)],
);
