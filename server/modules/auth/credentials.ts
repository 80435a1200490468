import { createHmac, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3): slow on purpose. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has, so an unknown email costs as much time as a wrong password. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export const newSecretToken = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** Session ids and API tokens are stored only as keyed hashes of what the client holds. */
export function hashSecretToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
