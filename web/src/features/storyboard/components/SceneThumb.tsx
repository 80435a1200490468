import { cardPreviewUrl, type StoryboardSceneView } from '../api/storyboard.ts';
import { thumbOf } from '../visual-info.ts';

/** A small picture of a scene's visual: its card, its image, or the first frame of its clip. */
export function SceneThumb({ scene, aspect, width }: { scene: StoryboardSceneView; aspect: string; width: number }) {
  const thumb = thumbOf(scene);
  if (thumb.kind === 'card') {
    return <img className="scene-thumb" src={cardPreviewUrl({ ...thumb, aspect, width: width * 2 })} alt="" loading="lazy" />;
  }
  if (thumb.kind === 'video') {
    return <video className="scene-thumb" src={`${thumb.src}#t=${thumb.atSec + 0.1}`} muted playsInline preload="metadata" aria-hidden="true" />;
  }
  return <img className="scene-thumb" src={thumb.src} alt="" loading="lazy" />;
}
