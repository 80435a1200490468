import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderPlanInput } from '../../../contracts/render-plan.ts';
import { renderPlanSchema } from '../../../contracts/render-plan.ts';
import { extractFrame } from '../../adapters/ffmpeg/frames.ts';
import { avatarBox } from './filter-graph.ts';
import { renderPreviewFrame } from './preview.ts';
import { renderVideo } from './render-video.ts';
import { imageDifference, makeClip, planFor } from './test-support.ts';
import { RenderPlanError, validateRenderPlan } from './validate-plan.ts';

describe('avatar clip in the corner (real ffmpeg)', () => {
  let dir = '';
  let withAvatar: RenderPlanInput;
  let withoutAvatar: RenderPlanInput;
  let video = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-avatar-'));
    // Shorter than the video: the corner is clear again once the clip ends.
    const clip = await makeClip(dir, 1.5, 'head.mp4');
    withoutAvatar = planFor([{ text: 'Oil prices hit a record.' }, { text: 'Here is why.' }], 2, { captions: false });
    withAvatar = { ...withoutAvatar, avatar: { path: clip, placement: 'corner' } };
    video = join(dir, 'avatar.mp4');
    await renderVideo(withAvatar, video);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const boxRegion = () => {
    const box = avatarBox(renderPlanSchema.parse(withAvatar));
    return { left: box.x + 20, top: box.y + 20, width: box.width - 40, height: box.height - 40 };
  };
  const clearRegion = { left: 40, top: 900, width: 400, height: 400 };

  it('draws the clip in its box and leaves the rest of the frame as it was, in the render and in previews', async () => {
    for (const time of [0.5, 1.2]) {
      const [rendered, preview, bare] = await Promise.all([
        extractFrame(video, time),
        renderPreviewFrame(withAvatar, time),
        renderPreviewFrame(withoutAvatar, time),
      ]);
      expect(await imageDifference(rendered, bare, boxRegion())).toBeGreaterThan(30);
      expect(await imageDifference(rendered, bare, clearRegion)).toBeLessThan(3);
      expect(await imageDifference(rendered, preview, boxRegion())).toBeLessThan(6);
    }
  });

  it('shows the visuals again in the corner once a shorter clip has ended', async () => {
    const [rendered, bare] = await Promise.all([extractFrame(video, 1.85), renderPreviewFrame(withoutAvatar, 1.85)]);
    expect(await imageDifference(rendered, bare, boxRegion())).toBeLessThan(3);
  });

  it('refuses an avatar path that is not a video, naming the field', async () => {
    const error = await validateRenderPlan({ ...withoutAvatar, avatar: { path: join(dir, 'missing.mp4'), placement: 'corner' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderPlanError);
    expect((error as RenderPlanError).issues).toContainEqual({ path: 'avatar.path', message: `file not found: ${join(dir, 'missing.mp4')}` });
  });
});
