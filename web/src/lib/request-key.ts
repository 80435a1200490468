/** A random key for Idempotency-Key headers; getRandomValues also works on plain-http addresses, where randomUUID does not exist. */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
