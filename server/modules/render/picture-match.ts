/** A picture the plan may put on a scene: what it shows (alt text, caption) and where it stood in the article. */
export interface PictureChoice {
  path: string;
  description: string;
  /** 0 (top of the article) .. 1 (end). */
  position: number;
}

const stems = (text: string) =>
  new Set(
    text
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5)),
  );

/**
 * Which picture goes on which scene: each picture at most once, on the scene whose words share
 * most with its alt text or caption, else the scene at the same place in the story as the picture
 * in the article (the lead picture on the opening scene). The closing call to action keeps its card;
 * a null scene is one the author chose a visual for.
 */
export function matchPictures(scenes: Array<string | null>, pictures: PictureChoice[]): Map<number, PictureChoice> {
  const last = scenes.length - 1;
  const usable = scenes.length > 2 ? last : scenes.length;
  const sceneStems = scenes.map((scene) => stems(scene ?? ''));
  const pairs: Array<{ scene: number; picture: number; score: number }> = [];
  pictures.forEach((picture, p) => {
    const described = stems(picture.description);
    for (let s = 0; s < usable; s++) {
      if (scenes[s] === null) continue;
      const shared = [...described].filter((w) => sceneStems[s]!.has(w)).length;
      const place = usable > 1 ? s / (usable - 1) : 0;
      pairs.push({ scene: s, picture: p, score: shared + (1 - Math.abs(place - picture.position)) });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.picture - b.picture || a.scene - b.scene);
  const chosen = new Map<number, PictureChoice>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (chosen.has(pair.scene) || used.has(pair.picture)) continue;
    chosen.set(pair.scene, pictures[pair.picture]!);
    used.add(pair.picture);
  }
  return chosen;
}
