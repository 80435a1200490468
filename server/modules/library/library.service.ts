import type { Job } from '../../../contracts/jobs.ts';
import {
  libraryScriptSchema,
  librarySourceSchema,
  type LibraryComparison,
  type LibraryEntry,
  type LibraryEntryDetail,
  type LibraryQuery,
  type LibraryScript,
  type LibrarySource,
  type LibraryVersion,
  type ProduceBody,
  saveLibraryScriptBodySchema,
} from '../../../contracts/library.ts';
import type { Project } from '../../../contracts/projects.ts';
import { AppError, validationError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AnalysisService } from '../analysis/analysis.service.ts';
import type { MakeVideoService } from '../make/make-video.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { compareScripts } from './compare-versions.ts';
import type { LibraryEntryRow, LibraryRepository, LibraryVersionRow } from './library.repository.ts';
import { writeProductionSteps } from './production.ts';
import { libraryScriptFromSteps, scriptText, totalWords } from './script-steps.ts';

export interface LibraryDeps {
  repository: LibraryRepository;
  projects: ProjectsService;
  steps: StepsService;
  analysis: AnalysisService;
  makeVideo: MakeVideoService;
  clock: { now(): Date };
}

const entryNotFound = () => new AppError('NOT_FOUND', 'Library script not found');

function toVersion(row: LibraryVersionRow): LibraryVersion {
  const script = row.script as LibraryScript;
  return { version: row.version, script, source: row.source as LibrarySource, totalWords: totalWords(script), createdAt: row.createdAt.toISOString() };
}

function toEntry(row: LibraryEntryRow): LibraryEntry {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    projectId: row.projectId,
    latestVersion: row.latestVersion,
    latest: toVersion(row.latest),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const versionOf = (script: LibraryScript, source: LibrarySource) => ({ script, text: scriptText(script), source });

/** The scripts library: save (a new version of an entry when saved again), search, tags, compare, start production. */
export class LibraryService {
  constructor(private readonly deps: LibraryDeps) {}

  async list(user: AuthContext, query: LibraryQuery): Promise<LibraryEntry[]> {
    const rows = await this.deps.repository.list(user.userId, { q: query.q || undefined, tag: query.tag || undefined, limit: query.limit ?? 100 });
    return rows.map(toEntry);
  }

  /**
   * Saves a script as a new library entry (for the factory's approve action and the API). Input
   * is checked here too, since callers inside the server skip the route's parsing.
   */
  async saveToLibrary(user: AuthContext, input: { title: string; script: LibraryScript; source?: LibrarySource; tags?: string[] }): Promise<LibraryEntry> {
    const parsed = saveLibraryScriptBodySchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, '');
    const { title, script, tags, source = { kind: 'manual' } } = parsed.data;
    const id = await this.deps.repository.save(user.userId, { projectId: null, title, titleGiven: true, tags: tags ?? [] }, versionOf(script, source));
    return this.get(user, id);
  }

  /** Stage 3's final script into the library: the project's entry gets a new version, or is created. */
  async saveFromProject(user: AuthContext, projectId: string, body: { title?: string; tags?: string[] } = {}): Promise<LibraryEntry> {
    const project = await this.deps.projects.get(user, projectId);
    const steps = await this.deps.steps.list(user, projectId);
    const script = libraryScriptFromSteps(steps);
    if (!script || !libraryScriptSchema.safeParse(script).success) {
      throw new AppError('CONFLICT', 'The project has no final script yet: choose a variant for every scene on stage 3 first', { reason: 'NO_FINAL_SCRIPT' });
    }
    const content = steps.find((s) => s.stepNumber === 2)?.data ?? {};
    const source = librarySourceSchema.parse({
      kind: 'project',
      projectId,
      ...(typeof content.url === 'string' && content.url.length <= 2048 ? { url: content.url } : {}),
      ...(typeof content.title === 'string' && content.title ? { title: content.title.slice(0, 500) } : {}),
    });
    const entry = { projectId, title: body.title ?? project.title.slice(0, 200), titleGiven: body.title !== undefined, tags: body.tags ?? null };
    const id = await this.deps.repository.save(user.userId, entry, versionOf(script, source));
    return this.get(user, id);
  }

  async addVersion(user: AuthContext, entryId: string, body: { script: LibraryScript; title?: string; source?: LibrarySource }): Promise<LibraryEntry> {
    const added = await this.deps.repository.addVersion(user.userId, entryId, body.title ?? null, versionOf(body.script, body.source ?? { kind: 'manual' }));
    if (added === null) throw entryNotFound();
    return this.get(user, entryId);
  }

  async get(user: AuthContext, entryId: string): Promise<LibraryEntry> {
    const row = await this.deps.repository.find(user.userId, entryId);
    if (!row) throw entryNotFound();
    return toEntry(row);
  }

  /** The entry of a project's saved script, or null when it was never saved. */
  async ofProject(user: AuthContext, projectId: string): Promise<LibraryEntry | null> {
    await this.deps.projects.get(user, projectId);
    const row = await this.deps.repository.findByProject(user.userId, projectId);
    return row ? toEntry(row) : null;
  }

  async detail(user: AuthContext, entryId: string): Promise<LibraryEntryDetail> {
    const entry = await this.get(user, entryId);
    const versions = (await this.deps.repository.versions(entryId)).map(toVersion);
    return {
      ...entry,
      versions: versions.map(({ script, ...rest }) => ({ ...rest, sceneCount: script.scenes.length, preview: script.scenes.map((s) => s.text).join(' ').slice(0, 160) })),
    };
  }

  async version(user: AuthContext, entryId: string, version: number): Promise<LibraryVersion> {
    const row = await this.deps.repository.version(user.userId, entryId, version);
    if (!row) {
      await this.get(user, entryId);
      throw new AppError('NOT_FOUND', `Version ${version} of this library script not found`);
    }
    return toVersion(row);
  }

  async compare(user: AuthContext, entryId: string, from: number, to: number): Promise<LibraryComparison> {
    const [before, after] = [await this.version(user, entryId, from), await this.version(user, entryId, to)];
    return compareScripts(before, after);
  }

  async update(user: AuthContext, entryId: string, changes: { title?: string; tags?: string[] }): Promise<LibraryEntry> {
    if (!(await this.deps.repository.update(user.userId, entryId, changes))) throw entryNotFound();
    return this.get(user, entryId);
  }

  async remove(user: AuthContext, entryId: string): Promise<void> {
    if (!(await this.deps.repository.remove(user.userId, entryId))) throw entryNotFound();
  }

  /**
   * "Start production": a new project at the voice stage with the script (stages 1-3 filled and
   * completed, stage 4 holding its copy); with makeVideo, the fast path goes on to a video.
   * `idempotencyKey`: a repeated call (a retried batch) returns the project the first one made.
   */
  async produce(user: AuthContext, entryId: string, body: ProduceBody = {}, idempotencyKey?: string): Promise<{ project: Project; makeJob: Job | null }> {
    const entry = await this.get(user, entryId);
    const version = body?.version === undefined ? entry.latest : await this.version(user, entryId, body.version);
    const { script } = version;
    const text = scriptText(script);
    // Before the project exists: a provider failing here leaves nothing behind.
    const analysis = await this.deps.analysis.analyse(user.userId, { text, title: entry.title, language: script.language, publishedAt: null });
    const project = await this.deps.projects.create(user, entry.title, idempotencyKey);
    const library = { entryId, version: version.version };
    if (project.maxStage < 4) await writeProductionSteps(this.deps, user, project.id, { title: entry.title, script, analysis, library, targetDurationSec: body?.targetDurationSec });
    const makeJob = body?.makeVideo ? await this.deps.makeVideo.start(user, project.id, { ...(body.aspect ? { aspect: body.aspect } : {}), ...(body.quality ? { quality: body.quality } : {}) }) : null;
    return { project: await this.deps.projects.get(user, project.id), makeJob };
  }
}
