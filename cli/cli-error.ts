/** Exit codes of the `reelforge` command. */
export const EXIT = {
  ok: 0,
  /** The work itself failed: a job failed, the input could not be imported, the render was refused. */
  failed: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** The server could not be reached. */
  unreachable: 3,
  /** The server refused the token (401). */
  unauthorized: 4,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
} as const;

/** A failure with a message for the person at the terminal and the exit code that goes with it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
