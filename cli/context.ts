import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error.ts';
import type { ReporterMode } from './reporter.ts';

/** What a command gets from main: its streams, an abort signal (Ctrl+C) and how to show progress. */
export interface CliContext {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  reporterMode(json: boolean): ReporterMode;
}

export type CommandRun = (args: string[], context: CliContext) => Promise<number>;

/** node:util parseArgs with its errors worded as usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see reelforge help)`);
  }
}

export const SERVER_OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
} as const;

/** --server / --token, or REELFORGE_SERVER / REELFORGE_TOKEN; null when neither names a server. */
export function serverOf(values: { server?: string; token?: string }, env: NodeJS.ProcessEnv): { server: string; token: string } | null {
  const server = values.server ?? env.REELFORGE_SERVER;
  if (!server) {
    if (values.token) throw usageError('--token needs --server URL');
    return null;
  }
  const token = values.token ?? env.REELFORGE_TOKEN;
  if (!token) throw usageError('--server needs --token T (an API token of your account; or set REELFORGE_TOKEN)');
  return { server, token };
}

export function requireServer(values: { server?: string; token?: string }, env: NodeJS.ProcessEnv, command: string) {
  const server = serverOf(values, env);
  if (!server) throw usageError(`${command} talks to a running server: pass --server URL --token T (or set REELFORGE_SERVER and REELFORGE_TOKEN)`);
  return server;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function writeJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
