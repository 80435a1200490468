import type { z } from 'zod';
import {
  type approveDraftBodySchema,
  type Draft,
  type DraftScene,
  type DraftVersion,
  MAX_REVISIONS,
  type rejectDraftBodySchema,
  type reviseDraftBodySchema,
} from '../../../contracts/factory.ts';
import type { GeneratedScript } from '../../../contracts/script.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { MakeVideoService } from '../make/make-video.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { checkChosenScript } from '../writers/quality/script-checks.ts';
import { viaWriter } from '../writers/writer-errors.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { projectFromDraft } from './draft-project.ts';
import type { DraftRow, FactoryRepository } from './factory.repository.ts';
import { type FactorySettingsService, readProfile } from './factory-settings.service.ts';
import { rulesFromNotesByLlm } from './llm-rules.ts';
import { learnFromApproval, learnFromRejection, readLearned } from './learning.ts';
import { kindsOf, pickVariant, ruleKindOf, rulesFromNotes } from './writing-profile.ts';

export interface FactoryReviewDeps {
  repository: FactoryRepository;
  settings: FactorySettingsService;
  writers: WritersService;
  projects: ProjectsService;
  steps: StepsService;
  makeVideo: MakeVideoService;
  clock: Clock;
}

const versionsOf = (row: DraftRow) => row.versions as DraftVersion[];
const currentScenes = (row: DraftRow) => versionsOf(row).at(-1)!.scenes;
const revisionsUsed = (row: DraftRow) => versionsOf(row).filter((v) => v.kind === 'revision').length;

export function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.sourceUrl,
    feedTitle: row.feedTitle,
    score: row.score,
    format: row.format as Draft['format'],
    language: row.language as Draft['language'],
    why: row.why as Draft['why'],
    checks: row.checks as Draft['checks'],
    scenes: currentScenes(row),
    versions: versionsOf(row),
    revisionsLeft: Math.max(0, MAX_REVISIONS - revisionsUsed(row)),
    status: row.status as Draft['status'],
    rejectCategory: row.rejectCategory as Draft['rejectCategory'],
    rejectReason: row.rejectReason,
    projectId: row.projectId,
    createdAt: row.createdAt.toISOString(),
  };
}

const draftClosed = (row: DraftRow) => new AppError('CONFLICT', `The draft was already ${row.status}`, { reason: 'DRAFT_CLOSED', status: row.status });
const changedMeanwhile = () => new AppError('CONFLICT', 'The draft was changed meanwhile; reload it and try again', { reason: 'DRAFT_CHANGED' });

function unknownScene(ids: readonly string[], scenes: readonly DraftScene[], field: string): AppError | null {
  const index = ids.findIndex((id) => !scenes.some((s) => s.id === id));
  if (index < 0) return null;
  const message = `the draft has no scene "${ids[index]}"`;
  return new AppError('VALIDATION_FAILED', `${field}.${index}: ${message}`, { issues: [{ path: `${field}.${index}`, message }] });
}

/** The review queue: drafts, and what the author does with them (each teaches the factory). */
export class FactoryReviewService {
  constructor(private readonly deps: FactoryReviewDeps) {}

  async list(user: AuthContext, status?: Draft['status']): Promise<Draft[]> {
    return (await this.deps.repository.listDrafts(user.userId, status)).map(toDraft);
  }

  async get(user: AuthContext, id: string): Promise<Draft> {
    return toDraft(await this.pending(user, id, false));
  }

  private async pending(user: AuthContext, id: string, mustBePending = true): Promise<DraftRow> {
    const row = await this.deps.repository.findDraft(user.userId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Draft not found');
    if (mustBePending && row.status !== 'pending') throw draftClosed(row);
    return row;
  }

  /** A project at the voice stage (after the author's edits, kept as a version), or that and a rendered video. */
  async approve(user: AuthContext, id: string, body: z.infer<typeof approveDraftBodySchema>): Promise<{ draft: Draft; projectId: string; jobId: string | null }> {
    const row = await this.pending(user, id);
    let scenes = currentScenes(row);
    const versions = [...versionsOf(row)];
    if (body.scenes?.length) {
      const bad = unknownScene(body.scenes.map((s) => s.id), scenes, 'scenes');
      if (bad) throw bad;
      const edits = new Map(body.scenes.map((s) => [s.id, s.text.replace(/\s+/g, ' ').trim()]));
      scenes = scenes.map((s) => (edits.has(s.id) && edits.get(s.id) !== s.text ? { ...s, text: edits.get(s.id)! } : s));
      versions.push({ number: versions.length + 1, kind: 'edit', scenes, notes: null, sceneIds: [...edits.keys()], at: this.deps.clock.now().toISOString() });
    }
    const claimed = await this.deps.repository.updateDraftAt(row.id, row.revision, { status: 'approved', versions, revision: row.revision + 1 });
    if (!claimed) throw changedMeanwhile();
    let projectId: string;
    try {
      projectId = await projectFromDraft(this.deps, user, claimed, scenes);
    } catch (error) {
      await this.deps.repository.setDraft(row.id, { status: 'pending' });
      throw error;
    }
    const approved = (await this.deps.repository.setDraft(row.id, { projectId }))!;
    await this.deps.repository.changeLearning(user.userId, (learned, profile) => ({ learned: learnFromApproval(readLearned(learned), row, this.deps.clock.now()), profile }));
    const job = body.mode === 'video' ? await this.deps.makeVideo.start(user, projectId) : null;
    return { draft: toDraft(approved), projectId, jobId: job?.id ?? null };
  }

  /**
   * Rewrites the chosen scenes (all when none are chosen) following the notes; every other scene
   * keeps its exact text. Lasting rules in the notes join the writing profile.
   */
  async revise(user: AuthContext, id: string, body: z.infer<typeof reviseDraftBodySchema>): Promise<Draft> {
    const row = await this.pending(user, id);
    if (revisionsUsed(row) >= MAX_REVISIONS) throw new AppError('CONFLICT', `A draft can be revised at most ${MAX_REVISIONS} times`, { reason: 'REVISION_LIMIT' });
    const scenes = currentScenes(row);
    const bad = body.sceneIds ? unknownScene(body.sceneIds, scenes, 'sceneIds') : null;
    if (bad) throw bad;
    const targets = new Set(body.sceneIds ?? scenes.map((s) => s.id));
    const profile = await this.learnRules(user.userId, body.notes, 'revision');
    const noteKinds = body.notes.split(/[.!?\n]+/u).map(ruleKindOf).filter((k) => k !== null);
    const kinds = [...new Set([...kindsOf(profile), ...noteKinds])];
    const writer = await this.deps.writers.forUser(user.userId);
    let script = row.script as GeneratedScript;
    const source = {
      text: row.sourceText,
      title: row.title,
      language: script.language,
      format: script.format,
      targetSec: script.targetSec,
      sourceType: 'news' as const,
      guidance: [...profile.map((r) => r.text), `Revision notes: ${body.notes}`].slice(-20),
    };
    const revised = new Map<string, string>();
    for (const scene of scenes) {
      if (!targets.has(scene.id)) continue;
      // When the writer has no new wording left, another of the scene's variants is used.
      script = await viaWriter(() => writer.regenerateScene({ script, sceneId: scene.id, source })).catch((error: unknown) => {
        if (error instanceof AppError && (error.details as { reason?: string } | undefined)?.reason === 'NO_NEW_VARIANTS') return script;
        throw error;
      });
      const rewritten = script.scenes.find((s) => s.id === scene.id)!;
      revised.set(scene.id, pickVariant(rewritten, kinds, scene.text).text.replace(/\s+/g, ' ').trim());
    }
    const next = scenes.map((s) => (revised.has(s.id) ? { ...s, text: revised.get(s.id)! } : s));
    const version: DraftVersion = { number: versionsOf(row).length + 1, kind: 'revision', scenes: next, notes: body.notes, sceneIds: body.sceneIds ?? null, at: this.deps.clock.now().toISOString() };
    const checks = checkChosenScript(script, next, { text: row.sourceText, title: row.title }, kinds);
    const updated = await this.deps.repository.updateDraftAt(row.id, row.revision, { script, checks, versions: [...versionsOf(row), version], revision: row.revision + 1 });
    if (!updated) throw changedMeanwhile();
    return toDraft(updated);
  }

  async reject(user: AuthContext, id: string, body: z.infer<typeof rejectDraftBodySchema>): Promise<Draft> {
    const row = await this.pending(user, id);
    const updated = await this.deps.repository.updateDraftAt(row.id, row.revision, {
      status: 'rejected',
      rejectCategory: body.category,
      rejectReason: body.reason || null,
      revision: row.revision + 1,
    });
    if (!updated) throw changedMeanwhile();
    await this.deps.repository.changeLearning(user.userId, (learned, profile) => ({ learned: learnFromRejection(readLearned(learned), row, body.category, this.deps.clock.now()), profile }));
    if (body.reason) await this.learnRules(user.userId, body.reason, 'rejection');
    return toDraft(updated);
  }

  /** The author's LLM finds the rules when one is configured; keyword rules otherwise, or when it fails. */
  private async findRules(ownerId: string, notes: string): Promise<{ texts: string[]; by: 'llm' | 'keywords' }> {
    const transport = await this.deps.writers.chatFor(ownerId).catch(() => null);
    if (transport) {
      const texts = await rulesFromNotesByLlm(transport, notes).catch(() => null);
      if (texts) return { texts, by: 'llm' };
    }
    return { texts: rulesFromNotes(notes), by: 'keywords' };
  }

  /** Adds the lasting rules of a note to the profile; returns the profile as it is now. */
  private async learnRules(ownerId: string, notes: string, source: 'revision' | 'rejection') {
    const { texts, by } = await this.findRules(ownerId, notes);
    if (texts.length) {
      await this.deps.repository.changeLearning(ownerId, (learned, profile) => ({
        learned,
        profile: this.deps.settings.withLearnedRules(readProfile(profile), texts, by === 'llm' ? 'llm' : source),
      }));
    }
    return (await this.deps.settings.read(ownerId)).profile;
  }
}
