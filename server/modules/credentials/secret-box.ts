import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const keyFrom = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'reelforge', 'provider-credentials', 32));

/**
 * AES-256-GCM with a key derived from SESSION_SECRET; the stored text is `v1:iv:tag:ciphertext`.
 * Rotation: texts sealed under an earlier secret (SESSION_SECRET_PREVIOUS) still open, and
 * `open` says so, so the caller can seal them again under the current one.
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly previousKeys: Buffer[];

  constructor(secret: string, previousSecrets: string[] = []) {
    this.key = keyFrom(secret);
    this.previousKeys = previousSecrets.map(keyFrom);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  open(sealed: string): string {
    return this.openWithRotation(sealed).plain;
  }

  /** The plain text, and whether it was sealed under an earlier secret (then seal it again). */
  openWithRotation(sealed: string): { plain: string; stale: boolean } {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unreadable sealed secret');
    for (const [index, key] of [this.key, ...this.previousKeys].entries()) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
        return { plain, stale: index > 0 };
      } catch {
        // not this key; try the next one
      }
    }
    throw new UnreadableSecretError();
  }
}

/** Sealed under a secret this process does not have (SESSION_SECRET changed without SESSION_SECRET_PREVIOUS). */
export class UnreadableSecretError extends Error {
  constructor() {
    super('a stored provider key was sealed under another SESSION_SECRET');
    this.name = 'UnreadableSecretError';
  }
}
