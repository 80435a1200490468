export const SCRIPT_ERROR_CODES = ['UNKNOWN_SCENE', 'INCOMPLETE_SELECTION', 'UNKNOWN_VARIANT', 'NO_NEW_VARIANTS'] as const;
export type ScriptErrorCode = (typeof SCRIPT_ERROR_CODES)[number];

export class ScriptError extends Error {
  constructor(
    readonly code: ScriptErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}
