import { useEffect, useState } from 'react';
import { fetchPreview } from '../api/storyboard.ts';

export interface PreviewFrame {
  url: string | null;
  loading: boolean;
  error: unknown;
}

/**
 * The frame the render draws at a scene's middle (or a time), fetched again whenever `revision`
 * changes (the storyboard's version and style). A newer request cancels the one still running.
 */
export function usePreviewFrame(projectId: string, at: { sceneId?: string; t?: number }, width: number, revision: string): PreviewFrame {
  const [frame, setFrame] = useState<PreviewFrame>({ url: null, loading: true, error: null });
  const { sceneId, t } = at;

  // The shown frame stays until the next one arrives; a replaced one is released.
  useEffect(() => () => (frame.url ? URL.revokeObjectURL(frame.url) : undefined), [frame.url]);

  useEffect(() => {
    const controller = new AbortController();
    setFrame((previous) => ({ ...previous, loading: true, error: null }));
    // A short pause: quick successive changes (a colour being dragged) ask for one frame, not ten.
    const timer = setTimeout(() => {
      fetchPreview(projectId, { sceneId, t }, width, controller.signal).then(
        (blob) => setFrame({ url: URL.createObjectURL(blob), loading: false, error: null }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setFrame({ url: null, loading: false, error });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [projectId, sceneId, t, width, revision]);

  return frame;
}
