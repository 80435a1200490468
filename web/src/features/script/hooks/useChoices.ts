import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SceneConflict } from '../../../components/stage/SceneConflictDialog.tsx';
import type { Step } from '../../../lib/domain.ts';
import { isApiError } from '../../../lib/http.ts';
import { conflictingStep, useMergeStep } from '../../../lib/steps/use-steps.ts';
import { changedScenes } from '../../../lib/steps/scene-merge.ts';
import { choicesOf, choicesPatch, normalChoices, type Choices, type SceneChoice } from '../script-state.ts';

const TYPING_DELAY_MS = 600;

/**
 * The author's choices, kept locally for instant feedback and saved into step 3 as merge patches
 * (picks at once, typing after a pause), each on the version the choices were made on. A write
 * from elsewhere in between (412) becomes a `conflict` to resolve scene by scene; stored changes
 * from elsewhere are taken over when nothing is pending.
 */
export function useChoices(projectId: string, step: Step | undefined) {
  const merge = useMergeStep(projectId);
  const { mutateAsync } = merge;
  const stored = useMemo(() => choicesOf(step?.data), [step?.data]);
  const [choices, setChoices] = useState<Choices>(stored);
  const latest = useRef(choices);
  latest.current = choices;
  // The stored choices (and their version) this tab's choices were made on.
  const base = useRef({ version: step?.version ?? 0, choices: stored });
  const [conflict, setConflict] = useState<SceneConflict<SceneChoice> | null>(null);
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; choice: SceneChoice | null }>());
  const inFlight = useRef(0);
  const [, rerender] = useState(0);

  useEffect(() => {
    if (timers.current.size > 0 || inFlight.current > 0 || conflict) return;
    setChoices(stored);
    base.current = { version: step?.version ?? 0, choices: stored };
  }, [stored, step?.version, conflict]);

  const write = useCallback(
    async (changes: Record<string, SceneChoice | null>, baseVersion: number) => {
      inFlight.current++;
      rerender((n) => n + 1);
      try {
        const saved = await mutateAsync({ stepNumber: 3, patch: { data: choicesPatch(changes) }, baseVersion });
        base.current = { version: saved.version, choices: choicesOf(saved.data) };
      } catch (error) {
        if (isApiError(error, 412)) {
          for (const { timer } of timers.current.values()) clearTimeout(timer);
          timers.current.clear();
          const current = conflictingStep(error.details);
          setConflict({
            theirVersion: current?.version ?? null,
            base: normalChoices(base.current.choices),
            mine: normalChoices(latest.current),
            theirs: normalChoices(choicesOf(current?.data)),
          });
        }
        throw error;
      } finally {
        inFlight.current--;
        rerender((n) => n + 1);
      }
    },
    [mutateAsync],
  );
  const send = useCallback((sceneId: string, choice: SceneChoice | null) => write({ [sceneId]: choice }, base.current.version), [write]);

  const setChoice = useCallback(
    (sceneId: string, choice: SceneChoice | null, typing = false) => {
      setChoices((current) => {
        const next = { ...current };
        if (choice) next[sceneId] = choice;
        else delete next[sceneId];
        return next;
      });
      const pending = timers.current.get(sceneId);
      if (pending) clearTimeout(pending.timer);
      const timer = setTimeout(
        () => {
          timers.current.delete(sceneId);
          void send(sceneId, choice).catch(() => {});
        },
        typing ? TYPING_DELAY_MS : 0,
      );
      timers.current.set(sceneId, { timer, choice });
      rerender((n) => n + 1);
    },
    [send],
  );

  /** Sends every pending change now (before the final script is saved). */
  const flush = useCallback(async () => {
    const pending = [...timers.current.entries()];
    timers.current.clear();
    await Promise.all(
      pending.map(([sceneId, { timer, choice }]) => {
        clearTimeout(timer);
        return send(sceneId, choice);
      }),
    );
  }, [send]);

  /** Stores `wanted` over the version saved elsewhere: only the scenes where it differs are sent. */
  const storeOver = (wanted: Choices) => {
    if (!conflict) return;
    const over = conflict.theirVersion ?? 0;
    const changes = Object.fromEntries(changedScenes(conflict.theirs, normalChoices(wanted)).map((id) => [id, wanted[id] ?? null]));
    setChoices(wanted);
    setConflict(null);
    base.current = { version: over, choices: conflict.theirs };
    void write(changes, over).catch(() => {});
  };
  const resolve = {
    seeTheirs: () => {
      if (!conflict) return;
      setChoices(conflict.theirs);
      base.current = { version: conflict.theirVersion ?? 0, choices: conflict.theirs };
      setConflict(null);
    },
    keepMine: () => conflict && storeOver(conflict.mine),
    merge: (merged: Choices) => storeOver(merged),
  };

  // Leaving the screen must not lose a change still waiting for the typing pause.
  const latestFlush = useRef(flush);
  latestFlush.current = flush;
  useEffect(() => () => void latestFlush.current().catch(() => {}), []);

  return {
    choices,
    setChoice,
    flush,
    conflict,
    resolve,
    /** The step-3 version the choices on screen are stored as (for the final script). */
    baseVersion: () => base.current.version,
    saving: timers.current.size > 0 || inFlight.current > 0,
    error: isApiError(merge.error, 412) ? null : merge.error,
  };
}
