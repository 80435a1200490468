import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Step } from '../../../lib/domain.ts';
import { useMergeStep } from '../../../lib/steps/use-steps.ts';
import { choicePatch, choicesOf, type Choices, type SceneChoice } from '../script-state.ts';

const TYPING_DELAY_MS = 600;

/**
 * The author's choices, kept locally for instant feedback and saved into step 3 as merge patches
 * (picks at once, typing after a pause). Only the changed scene is sent, so a scene rewritten by a
 * job meanwhile is never overwritten. Stored changes from elsewhere are taken over when nothing is pending.
 */
export function useChoices(projectId: string, step: Step | undefined) {
  const merge = useMergeStep(projectId);
  const { mutateAsync } = merge;
  const stored = useMemo(() => choicesOf(step?.data), [step?.data]);
  const [choices, setChoices] = useState<Choices>(stored);
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; choice: SceneChoice | null }>());
  const inFlight = useRef(0);
  const [, rerender] = useState(0);

  useEffect(() => {
    if (timers.current.size === 0 && inFlight.current === 0) setChoices(stored);
  }, [stored]);

  const send = useCallback(
    async (sceneId: string, choice: SceneChoice | null) => {
      inFlight.current++;
      rerender((n) => n + 1);
      try {
        await mutateAsync({ stepNumber: 3, patch: { data: choicePatch(sceneId, choice) } });
      } finally {
        inFlight.current--;
        rerender((n) => n + 1);
      }
    },
    [mutateAsync],
  );

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

  // Leaving the screen must not lose a change still waiting for the typing pause.
  const latestFlush = useRef(flush);
  latestFlush.current = flush;
  useEffect(() => () => void latestFlush.current().catch(() => {}), []);

  return { choices, setChoice, flush, saving: timers.current.size > 0 || inFlight.current > 0, error: merge.error };
}
