import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { mergeStepInOrder } from '../../../lib/steps/ordered-merge.ts';
import type { SceneConflict } from '../../../components/stage/SceneConflictDialog.tsx';
import { isApiError } from '../../../lib/http.ts';
import type { Step } from '../../../lib/domain.ts';
import { conflictingStep, useMergeStep } from '../../../lib/steps/use-steps.ts';
import { planScriptSync, scenesOf, scriptPatch, type ScriptScene } from '../script-sync.ts';

const textsOf = (scenes: ScriptScene[]) => Object.fromEntries(scenes.map((scene) => [scene.id, scene.text]));

const SAVE_DELAY_MS = 700;

/**
 * Stage 4's script: the copy of step 3's final script kept in step 4, created on the first visit,
 * re-based silently when step 3 was re-saved unchanged, and otherwise never replaced without the
 * author choosing (load the new script, or keep this one). Edits are saved shortly after typing.
 */
export function useStageScript(projectId: string, step3: Step | undefined, step4: Step | undefined, ready: boolean) {
  const merge = useMergeStep(projectId);
  const plan = useMemo(() => planScriptSync(step3, step4), [step3, step4]);
  const saved = plan.kind === 'current' || plan.kind === 'rebase' || plan.kind === 'changed' ? plan.copy.scenes : plan.kind === 'copy' ? plan.scenes : [];
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<ScriptScene[] | null>(null);
  const queryClient = useQueryClient();
  const autoWritten = useRef<string | null>(null);

  // First visit and unchanged re-saves of step 3 need no decision: write them straight away.
  useEffect(() => {
    if (!ready || (plan.kind !== 'copy' && plan.kind !== 'rebase')) return;
    const key = `${plan.kind}:${plan.sourceVersion}:${step4?.version ?? 0}`;
    if (autoWritten.current === key) return;
    autoWritten.current = key;
    const patch = plan.kind === 'copy' ? scriptPatch(plan.scenes, plan.sourceVersion) : { ...scriptPatch(plan.copy.scenes, plan.sourceVersion, plan.base) };
    merge.mutate({ stepNumber: 4, patch, baseVersion: step4?.version ?? 0 });
  }, [ready, plan, step4?.version, merge]);

  const scenes: ScriptScene[] = useMemo(() => saved.map((scene) => (scene.id in drafts ? { ...scene, text: drafts[scene.id]! } : scene)), [saved, drafts]);

  // The stored texts and version the edits on screen were made on; null while there are none.
  const base = useRef<{ version: number; texts: Record<string, string> } | null>(null);
  const [conflict, setConflict] = useState<SceneConflict<string> | null>(null);
  useEffect(() => {
    if (Object.keys(drafts).length === 0 && !conflict) base.current = null;
  }, [drafts, conflict]);
  const save = useCallback(
    (next: ScriptScene[], baseVersion = base.current?.version ?? step4?.version ?? 0) => {
      merge.mutate(
        { stepNumber: 4, patch: { data: { script: { scenes: next } } }, baseVersion },
        {
          onSuccess: (saved) => {
            base.current = { version: saved.version, texts: textsOf(scenesOf(saved.data.script) ?? []) };
            setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([id, text]) => next.find((s) => s.id === id)?.text !== text)));
          },
          onError: (error) => {
            if (!isApiError(error, 412)) return;
            const current = conflictingStep(error.details);
            const theirs = textsOf(scenesOf(current?.data.script) ?? []);
            setConflict({ theirVersion: current?.version ?? null, base: base.current?.texts ?? theirs, mine: textsOf(next), theirs });
          },
        },
      );
    },
    [merge, step4?.version],
  );

  const edit = useCallback(
    (sceneId: string, text: string) => {
      base.current ??= { version: step4?.version ?? 0, texts: textsOf(saved) };
      setDrafts((current) => ({ ...current, [sceneId]: text }));
      if (timer.current) clearTimeout(timer.current);
      const next = saved.map((scene) => ({ ...scene, text: scene.id === sceneId ? text : (drafts[scene.id] ?? scene.text) }));
      pending.current = next;
      timer.current = setTimeout(() => {
        pending.current = null;
        save(next);
      }, SAVE_DELAY_MS);
    },
    [saved, drafts, save, step4?.version],
  );

  /** Saves pending edits now (before voicing the script, for example); resolves when stored. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    if (Object.keys(drafts).length === 0) return;
    await merge.mutateAsync({ stepNumber: 4, patch: { data: { script: { scenes } } }, baseVersion: base.current?.version ?? step4?.version ?? 0 });
    base.current = null;
    setDrafts({});
  }, [drafts, merge, scenes, step4?.version]);

  // Leaving the stage right after typing still saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (!pending.current || !base.current) return;
      void mergeStepInOrder(projectId, 4, { data: { script: { scenes: pending.current } } }, base.current.version)
        .catch(() => undefined)
        .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }));
    },
    [projectId, queryClient],
  );

  /** After a 412: take the other version, store mine over it, or the scenes of each side that changed. */
  const resolveConflict = (choice: 'theirs' | 'mine' | Record<string, string>) => {
    if (!conflict) return;
    setConflict(null);
    if (choice === 'theirs') {
      base.current = null;
      setDrafts({});
      return;
    }
    const texts = choice === 'mine' ? conflict.mine : choice;
    base.current = { version: conflict.theirVersion ?? 0, texts: conflict.theirs };
    save(scenes.map((scene) => ({ ...scene, text: texts[scene.id] ?? scene.text })), conflict.theirVersion ?? 0);
  };

  const loadNew = () => {
    if (plan.kind !== 'changed') return;
    setDrafts({});
    merge.mutate({ stepNumber: 4, patch: scriptPatch(plan.merged, plan.sourceVersion, plan.base), baseVersion: step4?.version ?? 0 });
  };
  const keepMine = () => {
    if (plan.kind !== 'changed') return;
    merge.mutate({ stepNumber: 4, patch: { data: { script: { sourceVersion: plan.sourceVersion, base: plan.base.map(({ id, text }) => ({ id, text })) } }, derivedFrom: { '3': plan.sourceVersion } }, baseVersion: step4?.version ?? 0 });
  };

  return {
    plan,
    scenes,
    edit,
    flush,
    loadNew,
    keepMine,
    editable: plan.kind === 'current',
    dirty: Object.keys(drafts).length > 0,
    saving: merge.isPending,
    error: isApiError(merge.error, 412) ? null : merge.error,
    conflict,
    resolveConflict,
  };
}
