import type { Project, ProjectCard, ProjectWork } from '../../../contracts/projects.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { StepsRepository } from '../steps/steps.repository.ts';
import { SOURCES_BY_STEP } from '../steps/steps.service.ts';
import type { ProjectCardsRepository } from './project-cards.repository.ts';
import { toProjectCard } from './project-cards.ts';
import type { ListFilter, ProjectRow, ProjectsRepository } from './projects.repository.ts';
import { serverDefaultTitle } from '../../../contracts/default-title.ts';

export const PURGE_AFTER_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    title: row.title,
    status: row.status as Project['status'],
    currentStage: row.currentStage,
    maxStage: row.maxStage,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    purgeAt: row.deletedAt ? new Date(row.deletedAt.getTime() + PURGE_AFTER_DAYS * DAY_MS).toISOString() : null,
  };
}

export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly steps: StepsRepository,
    private readonly clock: Clock,
    private readonly cardFacts: ProjectCardsRepository,
  ) {}

  /**
   * `idempotencyKey`: a repeated request (a double click, a retry) returns the project the first one created.
   * Without a title the project is named in the client's language (contracts/default-title.ts).
   */
  async create(user: AuthContext, title: string | undefined, idempotencyKey?: string, language: 'en' | 'ru' = 'en'): Promise<Project> {
    return (await this.createOnce(user, title, idempotencyKey, language)).project;
  }

  /** As create, saying whether this request made the project (false: an earlier one with the same key did). */
  async createOnce(user: AuthContext, title: string | undefined, idempotencyKey?: string, language: 'en' | 'ru' = 'en'): Promise<{ project: Project; created: boolean }> {
    const defaultTitle = serverDefaultTitle(language, this.clock.now());
    const row = await this.projects.create(user.userId, title ?? defaultTitle, idempotencyKey);
    return { project: toProject(row), created: row.created };
  }

  async list(user: AuthContext, filter: Partial<ListFilter>): Promise<Project[]> {
    const rows = await this.projects.list(user.userId, { deleted: false, limit: 100, ...filter });
    return rows.map(toProject);
  }

  /** The projects page: each project with its progress, its video's state and a thumbnail; one read for all cards. */
  async cards(user: AuthContext, filter: Partial<ListFilter> & { work?: ProjectWork }): Promise<ProjectCard[]> {
    const { work, ...listFilter } = filter;
    const projects = await this.list(user, listFilter);
    const facts = await this.cardFacts.facts(
      projects.map((p) => p.id),
      SOURCES_BY_STEP,
    );
    const cards = projects.map((p) => toProjectCard(p, facts.steps.get(p.id) ?? [], facts.rendering.has(p.id)));
    return work ? cards.filter((card) => card.work === work) : cards;
  }

  async get(user: AuthContext, id: string): Promise<Project> {
    const row = await this.projects.findOwned(user.userId, id);
    if (!row) throw notFound();
    return toProject(row);
  }

  async rename(user: AuthContext, id: string, title: string): Promise<Project> {
    if (!(await this.projects.update(user.userId, id, { title }))) throw notFound();
    return this.get(user, id);
  }

  /** Soft delete: the project is listed under "recently deleted" and purged after PURGE_AFTER_DAYS. */
  async remove(user: AuthContext, id: string): Promise<void> {
    if (!(await this.projects.update(user.userId, id, { deletedAt: this.clock.now() }))) throw notFound();
  }

  async restore(user: AuthContext, id: string): Promise<Project> {
    const restored = await this.projects.update(user.userId, id, { deletedAt: null }, true);
    if (!restored) {
      if (await this.projects.findOwned(user.userId, id)) throw new AppError('CONFLICT', 'The project is not deleted');
      throw notFound();
    }
    return this.get(user, id);
  }

  /**
   * Back to any stage already reached; forward only to the next stage, once the current one is
   * completed or skipped. The update is conditional on the stage it was decided from, so two
   * tabs moving at once cannot skip a check.
   */
  async changeStage(user: AuthContext, id: string, stage: number): Promise<Project> {
    const project = await this.projects.findOwned(user.userId, id);
    if (!project) throw notFound();
    if (stage > project.maxStage) {
      if (stage !== project.currentStage + 1 || project.currentStage !== project.maxStage) {
        throw new AppError('STAGE_NOT_REACHED', `Stage ${stage} is not reachable yet: finish stage ${project.maxStage} first`);
      }
      const current = await this.steps.find(id, project.currentStage, []);
      if (!current?.completedAt && !current?.skipReason) {
        throw new AppError('STAGE_NOT_REACHED', `Complete or skip stage ${project.currentStage} before going to stage ${stage}`);
      }
    }
    const moved = await this.projects.moveStage(user.userId, id, project.currentStage, stage);
    if (!moved) throw new AppError('CONFLICT', 'The project changed meanwhile; reload and try again');
    return this.get(user, id);
  }

  async purgeExpired(): Promise<string[]> {
    return this.projects.purgeDeletedBefore(new Date(this.clock.now().getTime() - PURGE_AFTER_DAYS * DAY_MS));
  }
}
