import type { DatabaseHandle } from '../../db/client.ts';
import { mapStepRow, type StepRow } from '../steps/steps.repository.ts';

/** What the cards of a page of projects need, read in two statements whatever the number of cards. */
export interface CardFacts {
  steps: Map<string, StepRow[]>;
  rendering: Set<string>;
}

const RENDER_JOBS = `'render.video', 'video.make'`;

export class ProjectCardsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * The steps of these projects without their documents (only a render's outputs and the first
   * storyboard scene, for the thumbnail), with the versions of the steps each one derives from,
   * and the projects with a render under way.
   */
  async facts(projectIds: string[], sourcesByStep: Record<number, number[]>): Promise<CardFacts> {
    if (projectIds.length === 0) return { steps: new Map(), rendering: new Set() };
    const [steps, jobs] = await Promise.all([
      this.database.executeSql(
        `select s.id, s.project_id, s.step_number, s.completed_at, s.skip_reason, s.version, s.derived_from,
           s.content_version, s.derived_content, s.created_at, s.updated_at,
           case s.step_number
             when 7 then json_build_object('outputs', s.data->'outputs')
             when 6 then json_build_object('firstScene', s.data->'scenes'->0)
             else '{}'::json end as data
         from project_steps s where s.project_id = any($1::uuid[]) and s.version > 0`,
        [projectIds],
        { name: 'rf_project_cards_steps' },
      ),
      this.database.executeSql(
        `select distinct project_id from jobs where project_id = any($1::uuid[]) and name in (${RENDER_JOBS}) and state in ('queued', 'running')`,
        [projectIds],
        { name: 'rf_project_cards_jobs' },
      ),
    ]);
    const byProject = new Map<string, StepRow[]>();
    for (const row of steps.rows.map((r) => mapStepRow(r))) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
    for (const rows of byProject.values()) {
      const byNumber = new Map(rows.map((r) => [r.stepNumber, r]));
      for (const row of rows) {
        const sources = (sourcesByStep[row.stepNumber] ?? []).flatMap((n) => (byNumber.has(n) ? [byNumber.get(n)!] : []));
        row.sourceVersions = Object.fromEntries(sources.map((source) => [String(source.stepNumber), source.version]));
        row.sourceContents = Object.fromEntries(sources.map((source) => [String(source.stepNumber), source.contentVersion]));
      }
    }
    return { steps: byProject, rendering: new Set(jobs.rows.map((r) => String(r.project_id))) };
  }
}
