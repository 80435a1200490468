import { Worker } from 'node:worker_threads';

interface Job {
  id: number;
  args: string[];
  text: string;
  signal?: AbortSignal;
  resolve: (wav: Buffer) => void;
  reject: (error: Error) => void;
}

type WorkerReply = { ready: true } | { id: number; wav?: Uint8Array; error?: string };

export class WasmCancelledError extends Error {
  constructor() {
    super('espeak-ng (WASM) synthesis was cancelled');
    this.name = 'WasmCancelledError';
  }
}

/**
 * The npm WASM build of espeak-ng in a worker thread, so synthesis never blocks the event loop.
 * Jobs run one at a time; cancelling the running job terminates the worker and starts a new one.
 */
export class WasmEspeakEngine {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;

  synthesize(args: string[], text: string, signal?: AbortSignal): Promise<Buffer> {
    if (signal?.aborted) return Promise.reject(new WasmCancelledError());
    return new Promise((resolve, reject) => {
      const onAbort = () => this.cancel(job);
      const settle = () => signal?.removeEventListener('abort', onAbort);
      const job: Job = {
        id: this.nextId++,
        args,
        text,
        signal,
        resolve: (wav) => {
          settle();
          resolve(wav);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops the worker; later calls start a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./wasm-worker.mjs', import.meta.url));
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => this.onWorkerGone(worker, error));
    worker.on('exit', (code) => this.onWorkerGone(worker, new Error(`espeak-ng worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.running = job;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage({ id: job.id, args: job.args, text: job.text });
  }

  private onReply(reply: WorkerReply): void {
    if ('ready' in reply) return;
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.running = null;
    if (reply.wav) job.resolve(Buffer.from(reply.wav.buffer, reply.wav.byteOffset, reply.wav.byteLength));
    else job.reject(new Error(reply.error ?? 'espeak-ng (WASM) failed'));
    this.pump();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new WasmCancelledError());
      return;
    }
    if (this.running !== job) return;
    this.running = null;
    job.reject(new WasmCancelledError());
    void this.close().then(() => this.pump());
  }

  private onWorkerGone(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const job = this.running;
    this.running = null;
    job?.reject(error);
    this.pump();
  }
}
