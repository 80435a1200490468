/**
 * Turns a fetched body into a string, honouring the charset from the Content-Type header, then a
 * byte-order mark, then an HTML <meta> or XML declaration in the first bytes, else UTF-8. Russian
 * sites still serve windows-1251 and koi8-r, which Node's TextDecoder supports.
 */
export function decodeText(body: Buffer, headerCharset: string | null = null): string {
  const label = headerCharset ?? bomCharset(body) ?? declaredCharset(body) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 2048).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}
