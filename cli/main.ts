import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, EXIT } from './cli-error.ts';
import type { CliContext, CommandRun } from './context.ts';
import { runBatch } from './commands/batch.ts';
import { HELP } from './commands/help.ts';
import { runMake } from './commands/make.ts';
import { runMcp } from './commands/mcp.ts';
import { runProjects } from './commands/projects.ts';
import { runRender } from './commands/render.ts';
import { runStatus } from './commands/status.ts';
import { reporterMode } from './reporter.ts';

const COMMANDS: Record<string, CommandRun> = { make: runMake, batch: runBatch, projects: runProjects, render: runRender, status: runStatus, mcp: runMcp };

function version(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs one command line; resolves with the exit code. Errors are printed here, as text or as JSON with --json. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [command, ...args] = argv;
  const json = args.includes('--json');
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      context.stdout.write(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      context.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw new CliError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')} (reelforge help)`, EXIT.usage);
    if (args.includes('--help') || args.includes('-h')) {
      context.stdout.write(HELP);
      return EXIT.ok;
    }
    return await run(args, context);
  } catch (error) {
    const failure =
      error instanceof CliError ? error : new CliError(context.signal.aborted ? 'interrupted' : `unexpected error: ${(error as Error)?.stack ?? String(error)}`, context.signal.aborted ? EXIT.interrupted : EXIT.failed);
    if (json) context.stdout.write(`${JSON.stringify({ ok: false, error: { message: failure.message, exitCode: failure.exitCode, details: failure.details } }, null, 2)}\n`);
    else context.stderr.write(`\nreelforge: ${failure.message}\n`);
    return failure.exitCode;
  }
}

/** The `reelforge` process: runs the command line, exits with its code; the first Ctrl+C stops the work cleanly. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    // The first Ctrl+C aborts the work (ffmpeg killed, temporary files removed); a second one quits at once.
    if (++interrupts > 1) process.exit(EXIT.interrupted);
    controller.abort();
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: controller.signal,
    reporterMode: (json) => reporterMode(json, process.stderr),
  });
  // PGlite, pg-boss and fetch keep handles open; the command is done once its output is flushed.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// `npm run cli` runs this file directly; cli/bin.mjs (npx reelforge) calls main() itself.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) await main();
