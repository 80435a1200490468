import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { mergeStep } from '../../../lib/steps/steps-api.ts';
import type { Step } from '../../../lib/domain.ts';
import { useMergeStep } from '../../../lib/steps/use-steps.ts';
import { planScriptSync, scriptPatch, type ScriptScene } from '../script-sync.ts';

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
    merge.mutate({ stepNumber: 4, patch });
  }, [ready, plan, step4?.version, merge]);

  const scenes: ScriptScene[] = useMemo(() => saved.map((scene) => (scene.id in drafts ? { ...scene, text: drafts[scene.id]! } : scene)), [saved, drafts]);

  const save = useCallback(
    (next: ScriptScene[]) => {
      merge.mutate(
        { stepNumber: 4, patch: { data: { script: { scenes: next } } } },
        { onSuccess: () => setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([id, text]) => next.find((s) => s.id === id)?.text !== text))) },
      );
    },
    [merge],
  );

  const edit = useCallback(
    (sceneId: string, text: string) => {
      setDrafts((current) => ({ ...current, [sceneId]: text }));
      if (timer.current) clearTimeout(timer.current);
      const next = saved.map((scene) => ({ ...scene, text: scene.id === sceneId ? text : (drafts[scene.id] ?? scene.text) }));
      pending.current = next;
      timer.current = setTimeout(() => {
        pending.current = null;
        save(next);
      }, SAVE_DELAY_MS);
    },
    [saved, drafts, save],
  );

  /** Saves pending edits now (before voicing the script, for example); resolves when stored. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    if (Object.keys(drafts).length === 0) return;
    await merge.mutateAsync({ stepNumber: 4, patch: { data: { script: { scenes } } } });
    setDrafts({});
  }, [drafts, merge, scenes]);

  // Leaving the stage right after typing still saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (!pending.current) return;
      void mergeStep(projectId, 4, { data: { script: { scenes: pending.current } } }).then(() =>
        queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }),
      );
    },
    [projectId, queryClient],
  );

  const loadNew = () => {
    if (plan.kind !== 'changed') return;
    setDrafts({});
    merge.mutate({ stepNumber: 4, patch: scriptPatch(plan.merged, plan.sourceVersion, plan.base) });
  };
  const keepMine = () => {
    if (plan.kind !== 'changed') return;
    merge.mutate({ stepNumber: 4, patch: { data: { script: { sourceVersion: plan.sourceVersion, base: plan.base.map(({ id, text }) => ({ id, text })) } }, derivedFrom: { '3': plan.sourceVersion } } });
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
    error: merge.error,
  };
}
