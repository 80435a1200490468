/**
 * The same 60-second render through the local media directory and through an S3-compatible
 * bucket (s3rver in this process, on loopback): a render job on S3 downloads its inputs into a
 * scratch folder and uploads its outputs, which is the overhead measured here. Renders
 * alternate between the stores so both see the same machine load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestS3Server } from '../server/adapters/storage/testing/s3-server.ts';
import type { AppContext } from '../server/app-context.ts';
import type { AuthContext } from '../server/http/router.ts';
import { machineLine, round, writeBenchmarkSection } from './lib.ts';
import { benchUser, openContext, projectWithScript, runHandler } from './render-setup.ts';
import { VOICE } from './render-single.ts';
import { ENGLISH_150 } from './voice-scripts-150.ts';

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Store {
  name: string;
  context: AppContext;
  user: AuthContext;
  projectId: string;
  seconds: number[];
  /** Per render: wall time spent inside the store's uploads and downloads (putFile, localFile). */
  transferSeconds: number[];
  dataDir: string;
  transfers: { take(): number };
}

/** Times every upload and download the render makes, on the store object the services share. */
function timeTransfers(context: AppContext): { take(): number } {
  const store = context.mediaStore;
  let spent = 0;
  for (const name of ['putFile', 'localFile'] as const) {
    const original = store[name].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        spent += (performance.now() - started) / 1000;
      }
    };
  }
  return { take: () => { const value = spent; spent = 0; return value; } };
}

async function prepare(name: string, env: Record<string, string>): Promise<Store> {
  const dataDir = await mkdtemp(join(tmpdir(), `rf-bench-store-${name}-`));
  Object.assign(process.env, env);
  const context = await openContext(dataDir);
  for (const key of Object.keys(env)) delete process.env[key];
  const user = await benchUser(context);
  const projectId = await projectWithScript(context, user, ENGLISH_150, 'Store benchmark', VOICE);
  await runHandler(context, user, 'voice.narrate', { projectId });
  const transfers = timeTransfers(context);
  return { name, context, user, projectId, seconds: [], transferSeconds: [], dataDir, transfers };
}

export async function benchMediaStore(): Promise<void> {
  const s3 = await startTestS3Server('bench');
  const stores = [await prepare('local', {}), await prepare('s3', s3.env('bench'))];
  try {
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const store of stores) {
        store.transfers.take();
        const started = performance.now();
        await runHandler(store.context, store.user, 'render.video', { projectId: store.projectId, aspect: '9:16', quality: 'standard' });
        store.seconds.push((performance.now() - started) / 1000);
        store.transferSeconds.push(store.transfers.take());
        console.log(`${store.name}: ${store.seconds.at(-1)!.toFixed(1)} s, transfers ${store.transferSeconds.at(-1)!.toFixed(2)} s`);
      }
    }
    const [local, remote] = stores.map((s) => median(s.seconds)) as [number, number];
    const [localTransfer, remoteTransfer] = stores.map((s) => median(s.transferSeconds)) as [number, number];
    const overhead = ((remoteTransfer - localTransfer) / local) * 100;
    writeBenchmarkSection(
      'media-store',
      [
        '## Render through the media store (`bench/media-store.bench.ts`)',
        '',
        machineLine(),
        '',
        `The 60-second render job (narration already stored, standard quality, 9:16), ${ROUNDS} times per store, alternating; median wall time.`,
        'The S3 bucket is s3rver in the same process on loopback, so the figure is the cost of the round trips, the scratch copies and the upload, not of a network.',
        'Whole renders vary by more than the store costs when the machine is shared, so the overhead is measured where it is spent: the wall time inside the store\'s uploads and downloads (inputs into the scratch folder, outputs into the store) during each render.',
        '',
        `Load average at the end: ${round(loadavg()[0]!, 2)}.`,
        '',
        '| store | render job (median) | runs | time in uploads and downloads (median) |',
        '|---|---|---|---|',
        ...stores.map((s) => `| ${s.name === 'local' ? 'local directory (`DATA_DIR/media`)' : 'S3-compatible bucket (`MEDIA_STORE_URL=s3://...`)'} | ${round(median(s.seconds))} s | ${s.seconds.map((v) => round(v)).join(', ')} s | ${round(median(s.transferSeconds), 2)} s |`),
        '',
        `Overhead of the S3 store: ${round(remoteTransfer - localTransfer, 2)} s per render in uploads and downloads, ${round(overhead, 1)}% of the local render's ${round(local)} s (whole-render medians: ${round(local)} s local, ${round(remote)} s S3).`,
      ].join('\n'),
    );
  } finally {
    for (const store of stores) {
      await store.context.database.close();
      await rm(store.dataDir, { recursive: true, force: true });
    }
    await s3.close();
  }
}
