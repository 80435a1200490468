import { createServer, type Server } from 'node:http';
import { verboseTranscript } from '../../server/modules/media-sources/testing/media-fixtures.ts';

/**
 * The OpenAI-compatible transcription server the browser tests' app is configured with
 * (OPENAI_STT_BASE_URL in playwright.config.ts): answers verbose JSON with the transcript the
 * test says its clip speaks, after checking the request carries an audio file.
 */
export async function startTranscriber(port: number) {
  let answer = { text: '', language: 'english' };
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      if (req.url !== '/v1/audio/transcriptions' || !body.includes('RIFF') || !body.includes('verbose_json')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad request"}}');
        return;
      }
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(verboseTranscript(answer.text, answer.language)));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    speaks: (text: string, language: 'english' | 'russian') => (answer = { text, language }),
    get calls() {
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
