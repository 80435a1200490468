// Runs the npm WASM build of espeak-ng off the main thread: one synthesis per message.
// Plain JavaScript so it starts the same under node, tsx and vitest.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('espeak-ng'));
const { default: ESpeakNg } = await import('espeak-ng');
// Compiling the 18 MB module once makes every later instance cheap.
const compiled = await WebAssembly.compile(await readFile(join(packageDir, 'espeak-ng.wasm')));

parentPort.on('message', async ({ id, args, text }) => {
  const errors = [];
  try {
    const instance = await ESpeakNg({
      arguments: [...args, '-f', '/input.txt', '-w', '/output.wav'],
      preRun: [(module) => module.FS.writeFile('/input.txt', text)],
      print: () => {},
      printErr: (line) => errors.push(line),
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(compiled, imports).then((wasm) => receive(wasm, compiled));
        return {};
      },
    });
    let wav;
    try {
      wav = instance.FS.readFile('/output.wav');
    } catch {
      throw new Error(errors.find((line) => line.startsWith('Error')) ?? errors[0] ?? 'espeak-ng produced no audio');
    }
    parentPort.postMessage({ id, wav }, [wav.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
