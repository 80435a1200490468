/** Bad narration or timing input; the message names the offending field (maps to 400). */
export class NarrationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NarrationInputError';
  }
}
