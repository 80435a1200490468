import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { MAX_IMPORT_FILE_BYTES } from '../contracts/sources.ts';
import type { ImportSourceBody } from '../contracts/sources.ts';
import { usageError } from './cli-error.ts';

/** Where a video starts: a page to fetch, or HTML / text (Markdown) read from a file or standard input. */
export interface SourceInput {
  /** The body of POST /api/sources/import (and of SourcesService.import). */
  body: ImportSourceBody;
  /** What the author gave, for messages: a URL, a file name or "standard input". */
  label: string;
  fileName?: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(text);

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_IMPORT_FILE_BYTES) throw usageError(`standard input is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

const decode = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '');

/** Reads `<input>` of `reelforge make`: a .txt/.md/.html file, an http(s) URL, or `-` for standard input. */
export async function readInput(input: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceInput> {
  if (input === '-') {
    const text = decode(await readAll(stdin));
    if (!text.trim()) throw usageError('standard input is empty: pipe a text, Markdown or HTML document into `reelforge make -`');
    return { body: looksLikeHtml(text) ? { html: text } : { text }, label: 'standard input' };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw usageError(`not a valid URL: ${input}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`only http(s) URLs can be imported, not ${url.protocol}`);
    return { body: { url: url.toString() }, label: url.toString() };
  }
  const extension = extname(input).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension) && !HTML_EXTENSIONS.has(extension)) {
    throw usageError(`cannot read "${input}": the input must be a .txt, .md or .html file, an http(s) URL, or - for standard input`);
  }
  const info = await stat(input).catch(() => null);
  if (!info?.isFile()) throw usageError(`no such file: ${input}`);
  if (info.size > MAX_IMPORT_FILE_BYTES) throw usageError(`${input} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
  const text = decode(await readFile(input));
  if (!text.trim()) throw usageError(`${input} is empty`);
  const fileName = basename(input);
  return { body: HTML_EXTENSIONS.has(extension) ? { html: text } : { text }, label: fileName, fileName };
}
