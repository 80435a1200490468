import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../adapters/http/__fixtures__/local-server.ts';
import type { LocalServer } from '../../adapters/http/__fixtures__/local-server.ts';
import { SourceImportError } from './article.ts';
import { importFile, importSource } from './import-source.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixture('en-news-cluttered.html'));
    else if (req.url === '/notes.md') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(fixture('en-notes.md'));
    else if (req.url === '/evil') res.writeHead(302, { location: 'http://10.0.0.1/' }).end();
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

async function importError(promise: Promise<unknown>): Promise<SourceImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceImportError);
  return error as SourceImportError;
}

describe('importSource', () => {
  const deps = () => ({ fetchOptions: { allowPrivateHosts: [server.hostKey] } });

  it('imports an article from a URL through the safe fetcher', async () => {
    const article = await importSource({ url: `${server.origin}/story` }, deps());
    expect(article.title).toBe('Copenhagen switches on a harbour heat pump for 25,000 homes');
    expect(article.url).toBe(`${server.origin}/story`);
    expect(article.images[0]).toBe(`https://www.northernledger.example/images/pump-diagram.png`);
  });

  it('imports a plain-text URL as text', async () => {
    const article = await importSource({ url: `${server.origin}/notes.md` }, deps());
    expect(article.title).toBe('How to keep basil alive on a windowsill');
  });

  it('explains a refused fetch', async () => {
    const blocked = await importError(importSource({ url: 'http://127.0.0.1:9/' }));
    expect(blocked.code).toBe('FETCH_FAILED');
    expect(blocked.fetchCode).toBe('BLOCKED_ADDRESS');
    const redirected = await importError(importSource({ url: `${server.origin}/evil` }, deps()));
    expect(redirected.fetchCode).toBe('BLOCKED_ADDRESS');
    expect(redirected.message).toContain('10.0.0.1');
    const missing = await importError(importSource({ url: `${server.origin}/nope` }, deps()));
    expect(missing.fetchCode).toBe('HTTP_STATUS');
  });

  it('imports HTML strings and text', async () => {
    const fromHtml = await importSource({ html: fixture('ru-news-cluttered.html').toString(), url: 'https://onega-vestnik.example/a' });
    expect(fromHtml.language).toBe('ru');
    const fromText = await importSource({ text: 'Just one idea about trains.', title: 'Trains' });
    expect(fromText.title).toBe('Trains');
    expect(fromText.text).toBe('Just one idea about trains.');
  });
});

describe('importFile', () => {
  it('reads uploaded files by extension', () => {
    expect(importFile({ name: 'story.HTML', content: fixture('en-blog-minimal.html') }).title).toBe('Why I stopped using my smartphone alarm');
    expect(importFile({ name: 'notes.md', content: fixture('en-notes.md') }).images).toHaveLength(1);
    expect(() => importFile({ name: 'photo.png', content: Buffer.from([1, 2]) })).toThrow(/not an \.html, \.txt or \.md file/);
  });
});
